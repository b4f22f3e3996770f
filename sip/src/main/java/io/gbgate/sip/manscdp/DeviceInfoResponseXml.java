package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Response(DeviceInfo): DeviceName, Result, Manufacturer, Model, Firmware, Channel. */
final class DeviceInfoResponseXml implements ManscdpMapper<DeviceInfoResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return DeviceInfoResponse.CMD_TYPE;
    }

    @Override
    public Class<DeviceInfoResponse> messageType() {
        return DeviceInfoResponse.class;
    }

    @Override
    public DeviceInfoResponse read(ManscdpHeader header, XmlElement root) {
        return new DeviceInfoResponse(header.sn(), header.deviceId(),
                ManscdpFields.text(root, "DeviceName"),
                ManscdpFields.text(root, "Manufacturer"),
                ManscdpFields.text(root, "Model"),
                ManscdpFields.text(root, "Firmware"),
                ManscdpFields.optionalInt(root, "Channel"),
                ManscdpFields.optionalResult(root));
    }

    @Override
    public void writeBody(DeviceInfoResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("DeviceName", message.deviceName());
        out.element("Result", message.result());
        out.element("Manufacturer", message.manufacturer());
        out.element("Model", message.model());
        out.element("Firmware", message.firmware());
        out.element("Channel", message.channels());
    }
}
