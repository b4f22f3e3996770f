package io.gbgate.gateway.recording;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.storage.recording.RecorderStats;
import io.gbgate.storage.recording.RecordingMode;
import io.gbgate.storage.recording.RecordingPlan;
import io.gbgate.storage.recording.SegmentRecorder;
import java.time.Instant;

/**
 * The recording of one channel under one plan: starting, attached to its live stream (a continuous
 * {@link SegmentRecorder} or an {@link EventRecorder}), or failed (retried).
 */
final class ChannelRecording {
    private final String channelId;
    private final RecordingPlan plan;
    private volatile boolean starting;
    private volatile LiveStream stream;
    private volatile StreamSink recorder;
    private volatile Instant since;
    private volatile String lastError;

    ChannelRecording(RecordingPlan plan) {
        this.channelId = plan.channelId();
        this.plan = plan;
    }

    RecordingPlan plan() {
        return plan;
    }

    /** Whether this recording runs {@code other} as it is (same mode and rolls; schedules do not matter here). */
    boolean runs(RecordingPlan other) {
        boolean event = plan.mode() == RecordingMode.EVENT;
        return event == (other.mode() == RecordingMode.EVENT) && (!event
                || plan.preRollSeconds() == other.preRollSeconds() && plan.postRollSeconds() == other.postRollSeconds());
    }

    String channelId() {
        return channelId;
    }

    boolean isStarting() {
        return starting;
    }

    /** Attached to a stream that is still running. */
    boolean isAttached() {
        return recorder != null && stream != null && !stream.isEnded();
    }

    LiveStream stream() {
        return stream;
    }

    StreamSink recorder() {
        return recorder;
    }

    /** The event recorder when this is an event-mode recording that is attached, else null. */
    EventRecorder eventRecorder() {
        return recorder instanceof EventRecorder events && isAttached() ? events : null;
    }

    void starting() {
        starting = true;
    }

    void attached(LiveStream stream, StreamSink recorder, Instant now) {
        this.stream = stream;
        this.recorder = recorder;
        this.since = now;
        this.starting = false;
        this.lastError = null;
    }

    void failed(String error) {
        starting = false;
        lastError = error;
    }

    void detached(String reason) {
        recorder = null;
        stream = null;
        starting = false;
        lastError = reason;
    }

    RecordingStatus.ChannelState state() {
        LiveStream s = stream;
        StreamSink r = recorder;
        RecorderStats stats = r instanceof SegmentRecorder segments ? segments.stats()
                : r instanceof EventRecorder events ? events.recorderStats() : null;
        EventRecordingStatus event = r instanceof EventRecorder events ? events.status() : null;
        String state = isAttached() ? "recording" : starting ? "starting" : "waiting";
        if (s != null && s.isEnded()) {
            state = "interrupted";
        }
        return new RecordingStatus.ChannelState(channelId, plan.mode().code(), state, since,
                s == null ? null : s.streamId(), stats, event, s != null && s.isEnded() ? s.endReason() : lastError);
    }
}
