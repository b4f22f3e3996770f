package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import java.util.Objects;

/** Validation shared by the message records' constructors. */
final class MessageChecks {

    private MessageChecks() {
    }

    static void header(long sn, String deviceId) {
        if (sn < 0) {
            throw new IllegalArgumentException("SN must not be negative: " + sn);
        }
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("DeviceID must not be blank");
        }
    }

    /** A time window: when both ends are given, the end is not before the start. */
    static void window(LocalDateTime start, LocalDateTime end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("EndTime " + end + " is before StartTime " + start);
        }
    }
}
