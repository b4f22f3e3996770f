package io.gbgate.storage.download;

import java.time.Instant;

/**
 * A download of recorded video from a device.
 *
 * @param id          random UUID
 * @param channelId   channel whose recording it is
 * @param from        start of the range asked from the device
 * @param to          end of the range
 * @param speed       download speed asked for (times real time)
 * @param requestedBy who asked for it (the API principal), or null
 * @param state       where it is
 * @param streamId    the stream receiving it, null until the device sent its first keyframe
 * @param clipId      the clip it was saved as, once {@link DownloadState#DONE}
 * @param endReason   why the device stream ended, null while receiving
 * @param failure     why it failed, or null
 * @param createdAt   when it was asked for
 * @param updatedAt   last change
 */
public record DeviceDownload(String id, String channelId, Instant from, Instant to, int speed, String requestedBy,
                             DownloadState state, String streamId, String clipId, String endReason, String failure,
                             Instant createdAt, Instant updatedAt) {
}
