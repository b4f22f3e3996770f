package io.gbgate.gateway.history;

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
 */
public record DownloadView(String downloadId, String streamId, String channelId, Instant from, Instant to,
                           String state, String clipId, String endReason, String failure) {
}
