package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Query(ConfigDownload): {@code ConfigType}. */
final class ConfigDownloadQueryXml implements ManscdpMapper<ConfigDownloadQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return ConfigDownloadQuery.CMD_TYPE;
    }

    @Override
    public Class<ConfigDownloadQuery> messageType() {
        return ConfigDownloadQuery.class;
    }

    @Override
    public ConfigDownloadQuery read(ManscdpHeader header, XmlElement root) {
        return new ConfigDownloadQuery(header.sn(), header.deviceId(), ManscdpFields.requiredText(root, "ConfigType"));
    }

    @Override
    public void writeBody(ConfigDownloadQuery message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("ConfigType", message.configType());
    }
}
