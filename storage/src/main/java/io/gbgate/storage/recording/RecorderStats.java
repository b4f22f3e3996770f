package io.gbgate.storage.recording;

/**
 * Counters of one {@link SegmentRecorder}.
 *
 * @param unitsReceived           access units delivered to the recorder
 * @param unitsRecorded           access units muxed into a segment
 * @param unitsWaitingForKeyframe units skipped before the first keyframe or after a timeline break
 * @param unitsUnsupported        units of a codec segments cannot carry (G.711 and others), or malformed
 * @param timelineBreaks          timestamp jumps that ended a segment
 * @param clockResyncs            times the wall-clock anchor was reset because media time drifted too far
 * @param segmentsCompleted       segments handed to the writer
 * @param segmentsDropped         segments the writer could not take (queue full), plus oversized ones
 */
public record RecorderStats(long unitsReceived, long unitsRecorded, long unitsWaitingForKeyframe,
                            long unitsUnsupported, long timelineBreaks, long clockResyncs, long segmentsCompleted,
                            long segmentsDropped) {
}
