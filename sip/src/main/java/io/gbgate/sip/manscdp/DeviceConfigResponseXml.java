package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Response(DeviceConfig): {@code Result}. */
final class DeviceConfigResponseXml implements ManscdpMapper<DeviceConfigResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return DeviceConfigResponse.CMD_TYPE;
    }

    @Override
    public Class<DeviceConfigResponse> messageType() {
        return DeviceConfigResponse.class;
    }

    @Override
    public DeviceConfigResponse read(ManscdpHeader header, XmlElement root) {
        return new DeviceConfigResponse(header.sn(), header.deviceId(),
                ManscdpResult.parse(ManscdpFields.requiredText(root, "Result")));
    }

    @Override
    public void writeBody(DeviceConfigResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Result", message.result());
    }
}
