package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Response(ConfigDownload): Result and {@code BasicParam}. */
final class ConfigDownloadResponseXml implements ManscdpMapper<ConfigDownloadResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return ConfigDownloadResponse.CMD_TYPE;
    }

    @Override
    public Class<ConfigDownloadResponse> messageType() {
        return ConfigDownloadResponse.class;
    }

    @Override
    public ConfigDownloadResponse read(ManscdpHeader header, XmlElement root) {
        return new ConfigDownloadResponse(header.sn(), header.deviceId(), ManscdpFields.optionalResult(root),
                BasicParamXml.read(root));
    }

    @Override
    public void writeBody(ConfigDownloadResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Result", message.result());
        BasicParamXml.write(message.basicParam(), out);
    }
}
