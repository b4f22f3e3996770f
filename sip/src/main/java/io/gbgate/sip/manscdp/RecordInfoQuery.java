package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Query(RecordInfo): the platform asks a channel for its recordings in a time window. Optional fields are null
 * when left out.
 *
 * @param sn         sequence number
 * @param deviceId   channel ID
 * @param startTime  window start (local time)
 * @param endTime    window end (local time), not before {@code startTime}
 * @param filePath   file path filter, or null
 * @param address    recording address filter, or null
 * @param secrecy    0 not secret, 1 secret, or null
 * @param type       recording type, or null (devices then assume all)
 * @param recorderId ID of the user who started a manual recording, or null
 */
public record RecordInfoQuery(long sn, String deviceId, LocalDateTime startTime, LocalDateTime endTime,
                              String filePath, String address, Integer secrecy, RecordType type, String recorderId)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "RecordInfo";

    public RecordInfoQuery {
        MessageChecks.header(sn, deviceId);
        MessageChecks.window(startTime, endTime);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
    }

    /** All recordings of {@code deviceId} between {@code startTime} and {@code endTime}. */
    public static RecordInfoQuery all(long sn, String deviceId, LocalDateTime startTime, LocalDateTime endTime) {
        return new RecordInfoQuery(sn, deviceId, startTime, endTime, null, null, 0, RecordType.ALL, null);
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
