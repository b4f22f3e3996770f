package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Control(DeviceConfig): {@code BasicParam}. */
final class DeviceConfigXml implements ManscdpMapper<DeviceConfig> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.CONTROL;
    }

    @Override
    public String cmdType() {
        return DeviceConfig.CMD_TYPE;
    }

    @Override
    public Class<DeviceConfig> messageType() {
        return DeviceConfig.class;
    }

    @Override
    public DeviceConfig read(ManscdpHeader header, XmlElement root) {
        BasicParam basicParam = BasicParamXml.read(root);
        if (basicParam == null) {
            throw new ManscdpException("<Control> DeviceConfig lacks <BasicParam> (other blocks are not supported)");
        }
        return new DeviceConfig(header.sn(), header.deviceId(), basicParam);
    }

    @Override
    public void writeBody(DeviceConfig message, ManscdpXmlWriter out) throws XMLStreamException {
        BasicParamXml.write(message.basicParam(), out);
    }
}
