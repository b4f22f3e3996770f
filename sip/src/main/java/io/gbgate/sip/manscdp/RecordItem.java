package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One recording ({@code RecordList/Item}) of a RecordInfo response. Optional fields are null when the device
 * leaves them out.
 *
 * @param deviceId   channel ID
 * @param name       channel or recording name
 * @param filePath   file path on the device, or null
 * @param address    recording address, or null
 * @param startTime  recording start (local time)
 * @param endTime    recording end (local time), not before {@code startTime}
 * @param secrecy    0 not secret, 1 secret, or null
 * @param type       recording type, or null
 * @param recorderId ID of the user who started a manual recording, or null
 * @param fileSize   file size in bytes, or null
 */
public record RecordItem(String deviceId, String name, String filePath, String address, LocalDateTime startTime,
                         LocalDateTime endTime, Integer secrecy, RecordType type, String recorderId, Long fileSize) {

    public RecordItem {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("record item DeviceID must not be blank");
        }
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        MessageChecks.window(startTime, endTime);
    }
}
