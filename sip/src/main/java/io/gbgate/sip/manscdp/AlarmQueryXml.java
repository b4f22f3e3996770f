package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import javax.xml.stream.XMLStreamException;

/** Query(Alarm): StartAlarmPriority, EndAlarmPriority, AlarmMethod, AlarmType, StartAlarmTime/EndAlarmTime. */
final class AlarmQueryXml implements ManscdpMapper<AlarmQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return AlarmQuery.CMD_TYPE;
    }

    @Override
    public Class<AlarmQuery> messageType() {
        return AlarmQuery.class;
    }

    @Override
    public AlarmQuery read(ManscdpHeader header, XmlElement root) {
        return new AlarmQuery(header.sn(), header.deviceId(),
                ManscdpFields.optionalInt(root, "StartAlarmPriority"),
                ManscdpFields.optionalInt(root, "EndAlarmPriority"),
                ManscdpFields.text(root, "AlarmMethod"),
                ManscdpFields.text(root, "AlarmType"),
                firstTime(root, "StartAlarmTime", "StartTime"),
                firstTime(root, "EndAlarmTime", "EndTime"));
    }

    /** The standard names the window StartAlarmTime / EndAlarmTime; many platforms send StartTime / EndTime. */
    private static LocalDateTime firstTime(XmlElement root, String standardName, String commonName) {
        LocalDateTime time = ManscdpFields.optionalTime(root, standardName);
        return time != null ? time : ManscdpFields.optionalTime(root, commonName);
    }

    @Override
    public void writeBody(AlarmQuery message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("StartAlarmPriority", message.startAlarmPriority());
        out.element("EndAlarmPriority", message.endAlarmPriority());
        out.element("AlarmMethod", message.alarmMethod());
        out.element("AlarmType", message.alarmType());
        out.element("StartAlarmTime", message.startTime());
        out.element("EndAlarmTime", message.endTime());
    }
}
