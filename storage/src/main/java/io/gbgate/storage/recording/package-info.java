/**
 * Continuous recording of live streams: {@link io.gbgate.storage.recording.SegmentRecorder} (a stream sink per
 * channel) cuts MPEG-TS segments at keyframes, {@link io.gbgate.storage.recording.SegmentWriter} writes them off the
 * media thread and indexes them in {@link io.gbgate.storage.recording.RecordingIndex};
 * {@link io.gbgate.storage.recording.RecordingPlan} says when a channel records and
 * {@link io.gbgate.storage.recording.RetentionJob} deletes old segments that no reader leases.
 */
package io.gbgate.storage.recording;
