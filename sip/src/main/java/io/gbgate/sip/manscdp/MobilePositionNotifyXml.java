package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Notify(MobilePosition): Time, Longitude, Latitude, Speed, Direction, Altitude. */
final class MobilePositionNotifyXml implements ManscdpMapper<MobilePositionNotify> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return MobilePositionNotify.CMD_TYPE;
    }

    @Override
    public Class<MobilePositionNotify> messageType() {
        return MobilePositionNotify.class;
    }

    @Override
    public MobilePositionNotify read(ManscdpHeader header, XmlElement root) {
        return new MobilePositionNotify(header.sn(), header.deviceId(),
                ManscdpFields.requiredTime(root, "Time"),
                ManscdpFields.requiredDouble(root, "Longitude"),
                ManscdpFields.requiredDouble(root, "Latitude"),
                ManscdpFields.optionalDouble(root, "Speed"),
                ManscdpFields.optionalDouble(root, "Direction"),
                ManscdpFields.optionalDouble(root, "Altitude"));
    }

    @Override
    public void writeBody(MobilePositionNotify message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Time", message.time());
        out.element("Longitude", message.longitude());
        out.element("Latitude", message.latitude());
        out.element("Speed", message.speed());
        out.element("Direction", message.direction());
        out.element("Altitude", message.altitude());
    }
}
