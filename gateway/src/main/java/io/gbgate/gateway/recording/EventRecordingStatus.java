package io.gbgate.gateway.recording;

import java.time.Instant;

/**
 * An event-mode channel as the API shows it.
 *
 * @param preRollSeconds   pre-roll of the plan
 * @param postRollSeconds  post-roll of the plan
 * @param bufferedMillis   wall-clock span held in the pre-roll buffer (from its oldest keyframe)
 * @param bufferedBytes    payload bytes held in the pre-roll buffer
 * @param gopsDroppedForSize GOPs dropped because the buffer reached its byte bound
 * @param recording        whether an event recording is running
 * @param recordingUntil   when the running recording ends (extended by new triggers), null when idle
 * @param triggers         events received
 * @param recordings       recordings started (a trigger during a recording extends it instead)
 * @param lastReason       reason of the last event
 * @param lastEventAt      time of the last event
 */
public record EventRecordingStatus(long preRollSeconds, long postRollSeconds, long bufferedMillis,
                                   long bufferedBytes, long gopsDroppedForSize, boolean recording,
                                   Instant recordingUntil, long triggers, long recordings, String lastReason,
                                   Instant lastEventAt) {
}
