package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Response(DeviceControl): {@code Result}. */
final class DeviceControlResponseXml implements ManscdpMapper<DeviceControlResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return DeviceControlResponse.CMD_TYPE;
    }

    @Override
    public Class<DeviceControlResponse> messageType() {
        return DeviceControlResponse.class;
    }

    @Override
    public DeviceControlResponse read(ManscdpHeader header, XmlElement root) {
        return new DeviceControlResponse(header.sn(), header.deviceId(),
                ManscdpResult.parse(ManscdpFields.requiredText(root, "Result")));
    }

    @Override
    public void writeBody(DeviceControlResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Result", message.result());
    }
}
