package io.gbgate.sip.manscdp;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Response(DeviceStatus): Result, Online, Status, Reason, Encode, Record, DeviceTime and {@code Alarmstatus Num="n"}
 * of {@code Item}s.
 */
final class DeviceStatusResponseXml implements ManscdpMapper<DeviceStatusResponse> {

    private static final String ALARM_STATUS = "Alarmstatus";

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return DeviceStatusResponse.CMD_TYPE;
    }

    @Override
    public Class<DeviceStatusResponse> messageType() {
        return DeviceStatusResponse.class;
    }

    @Override
    public DeviceStatusResponse read(ManscdpHeader header, XmlElement root) {
        List<AlarmStatusItem> alarms = new ArrayList<>();
        XmlElement alarmStatus = root.child(ALARM_STATUS);
        if (alarmStatus != null) {
            for (XmlElement item : alarmStatus.children("Item")) {
                alarms.add(new AlarmStatusItem(ManscdpFields.requiredText(item, "DeviceID"),
                        ManscdpFields.text(item, "DutyStatus")));
            }
        }
        return new DeviceStatusResponse(header.sn(), header.deviceId(),
                ManscdpFields.optionalResult(root),
                ManscdpFields.text(root, "Online"),
                ManscdpFields.text(root, "Status"),
                ManscdpFields.text(root, "Reason"),
                ManscdpFields.text(root, "Encode"),
                ManscdpFields.text(root, "Record"),
                ManscdpFields.optionalTime(root, "DeviceTime"),
                alarms);
    }

    @Override
    public void writeBody(DeviceStatusResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Result", message.result());
        out.element("Online", message.online());
        out.element("Status", message.status());
        out.element("Reason", message.reason());
        out.element("Encode", message.encode());
        out.element("Record", message.record());
        out.element("DeviceTime", message.deviceTime());
        if (!message.alarmStatus().isEmpty()) {
            out.start(ALARM_STATUS);
            out.attribute("Num", Integer.toString(message.alarmStatus().size()));
            for (AlarmStatusItem item : message.alarmStatus()) {
                out.start("Item");
                out.element("DeviceID", item.deviceId());
                out.element("DutyStatus", item.dutyStatus());
                out.end();
            }
            out.end();
        }
    }
}
