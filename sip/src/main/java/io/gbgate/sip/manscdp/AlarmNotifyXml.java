package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/**
 * Notify(Alarm): AlarmPriority, AlarmMethod, AlarmTime, AlarmDescription, Longitude, Latitude, Info/AlarmType.
 */
final class AlarmNotifyXml implements ManscdpMapper<AlarmNotify> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return AlarmNotify.CMD_TYPE;
    }

    @Override
    public Class<AlarmNotify> messageType() {
        return AlarmNotify.class;
    }

    @Override
    public AlarmNotify read(ManscdpHeader header, XmlElement root) {
        XmlElement info = root.child("Info");
        return new AlarmNotify(header.sn(), header.deviceId(),
                ManscdpFields.optionalInt(root, "AlarmPriority"),
                ManscdpFields.text(root, "AlarmMethod"),
                ManscdpFields.optionalTime(root, "AlarmTime"),
                ManscdpFields.text(root, "AlarmDescription"),
                ManscdpFields.optionalDouble(root, "Longitude"),
                ManscdpFields.optionalDouble(root, "Latitude"),
                info == null ? null : ManscdpFields.text(info, "AlarmType"));
    }

    @Override
    public void writeBody(AlarmNotify message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("AlarmPriority", message.alarmPriority());
        out.element("AlarmMethod", message.alarmMethod());
        out.element("AlarmTime", message.alarmTime());
        out.element("AlarmDescription", message.alarmDescription());
        out.element("Longitude", message.longitude());
        out.element("Latitude", message.latitude());
        if (message.alarmType() != null) {
            out.start("Info");
            out.element("AlarmType", message.alarmType());
            out.end();
        }
    }
}
