package io.gbgate.gateway.history;

import io.gbgate.storage.download.DeviceDownload;
import java.time.Instant;

/**
 * A download of recorded video from a device as the API shows it.
 *
 * @param downloadId  ID of the download
 * @param streamId    the stream receiving it (null until the device sent its first keyframe)
 * @param channelId   channel whose recording it is
 * @param from        start of the range (as sent to the device)
 * @param to          end of the range
 * @param state       {@code receiving}, {@code saving}, {@code done} or {@code failed}
 * @param clipId      the clip it was saved as once {@code done} (see {@code GET /api/clips/{clipId}})
 * @param endReason   why the device stream ended (e.g. {@code end of recording}), or null while receiving
 * @param failure     why it failed, or null
 * @param speed       download speed asked for (times real time)
 * @param requestedBy who asked for it
 * @param createdAt   when it was asked for
 * @param updatedAt   its last change
 */
public record DownloadView(String downloadId, String streamId, String channelId, Instant from, Instant to,
                           String state, String clipId, String endReason, String failure, int speed,
                           String requestedBy, Instant createdAt, Instant updatedAt) {

    static DownloadView of(DeviceDownload download) {
        return new DownloadView(download.id(), download.streamId(), download.channelId(), download.from(),
                download.to(), download.state().code(), download.clipId(), download.endReason(), download.failure(),
                download.speed(), download.requestedBy(), download.createdAt(), download.updatedAt());
    }
}
