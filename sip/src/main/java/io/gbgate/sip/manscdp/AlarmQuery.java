package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;

/**
 * Query(Alarm): alarm query, also the body of an alarm subscription (SUBSCRIBE, Event: presence). All filters are
 * optional (null when left out).
 *
 * @param sn                 sequence number
 * @param deviceId           device ID
 * @param startAlarmPriority lowest priority wanted (0 all, 1..4)
 * @param endAlarmPriority   highest priority wanted (0 all, 1..4)
 * @param alarmMethod        alarm methods wanted, as sent (0 all, or method digits such as {@code 12})
 * @param alarmType          alarm type within the method
 * @param startTime          window start (local time)
 * @param endTime            window end (local time), not before {@code startTime}
 */
public record AlarmQuery(long sn, String deviceId, Integer startAlarmPriority, Integer endAlarmPriority,
                         String alarmMethod, String alarmType, LocalDateTime startTime, LocalDateTime endTime)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "Alarm";

    public AlarmQuery {
        MessageChecks.header(sn, deviceId);
        MessageChecks.window(startTime, endTime);
    }

    /** Every alarm of every priority and method, no time window. */
    public static AlarmQuery all(long sn, String deviceId) {
        return new AlarmQuery(sn, deviceId, 0, 0, "0", null, null, null);
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
