package io.gbgate.gateway.recording;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.storage.recording.RecorderSettings;
import io.gbgate.storage.recording.RecorderStats;
import io.gbgate.storage.recording.SegmentRecorder;
import io.gbgate.storage.recording.SegmentWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event recording of one channel: a sink on the channel's live stream that keeps a {@link PreRollBuffer} and,
 * when an event is {@link #trigger triggered}, records through a {@link SegmentRecorder} of the shared
 * {@link SegmentWriter}: first the buffered pre-roll (with the times the units arrived), then the live stream
 * until {@code postRoll} after the last trigger. A trigger while recording extends the end. Segments land in
 * the recording index like continuous ones.
 *
 * <p>Access units arrive on the stream's ingest thread, triggers on any thread; both are serialised on this
 * object and never touch the disk (the writer's queue does).
 */
public final class EventRecorder implements StreamSink, AutoCloseable {
    /** How far in the future a trigger's time may be (clock skew of the event source). */
    static final Duration MAX_FUTURE = Duration.ofSeconds(2);

    private final String channelId;
    private final Duration preRoll;
    private final Duration postRoll;
    private final SegmentWriter writer;
    private final RecorderSettings settings;
    private final Clock clock;
    private final ArrivalClock arrival;
    private final PreRollBuffer buffer;

    // guarded by this
    private SegmentRecorder recorder;
    private RecorderStats lastStats;
    private long recordUntilMillis;
    private long recordedUntilMillis = Long.MIN_VALUE;
    private long triggers;
    private long recordings;
    private String lastReason;
    private Instant lastTriggerAt;
    private boolean closed;

    /**
     * @param lateTriggerSlack how much older than now a trigger's time may be and still get its full pre-roll
     * @param maxBufferBytes   memory bound of the pre-roll buffer
     */
    public EventRecorder(String channelId, Duration preRoll, Duration postRoll, SegmentWriter writer,
                         RecorderSettings settings, Clock clock, Duration lateTriggerSlack, long maxBufferBytes) {
        this.channelId = Objects.requireNonNull(channelId, "channelId");
        this.preRoll = Objects.requireNonNull(preRoll, "preRoll");
        this.postRoll = Objects.requireNonNull(postRoll, "postRoll");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.arrival = new ArrivalClock(clock.getZone(), new AtomicLong());
        this.buffer = new PreRollBuffer(preRoll.plus(lateTriggerSlack).toMillis(), maxBufferBytes);
    }

    @Override
    public synchronized void onAccessUnit(AccessUnit unit) {
        if (closed) {
            return;
        }
        long now = clock.millis();
        buffer.add(unit, now);
        if (recorder != null) {
            if (now > recordUntilMillis) {
                finishRecording();
            } else {
                record(unit, now);
            }
        }
    }

    /**
     * Records around an event at {@code at} (now when null): from {@code preRoll} before it (as far as the buffer
     * reaches, from a keyframe) until {@code postRoll} after it, or extends a running recording to that end.
     *
     * @throws IllegalArgumentException when {@code at} lies in the future
     * @throws IllegalStateException    when the recorder is closed (the stream ended)
     */
    public synchronized EventTrigger trigger(String reason, Instant at) {
        Instant now = clock.instant();
        Instant eventAt = at == null ? now : at;
        if (eventAt.isAfter(now.plus(MAX_FUTURE))) {
            throw new IllegalArgumentException("event time " + eventAt + " lies in the future (now " + now + ")");
        }
        if (closed) {
            throw new IllegalStateException("event recording of channel " + channelId + " has stopped");
        }
        triggers++;
        lastReason = reason;
        lastTriggerAt = eventAt;
        recordUntilMillis = Math.max(recordUntilMillis, eventAt.plus(postRoll).toEpochMilli());
        boolean started = recorder == null;
        long from = now.toEpochMilli();
        if (started) {
            recorder = writer.newRecorder(channelId, settings, arrival);
            recordings++;
            long replayedFrom = buffer.replay(eventAt.minus(preRoll).toEpochMilli(), recordedUntilMillis,
                    this::record);
            if (replayedFrom >= 0) {
                from = replayedFrom;
            }
        }
        return new EventTrigger(channelId, reason, eventAt, started, Instant.ofEpochMilli(from),
                Instant.ofEpochMilli(recordUntilMillis));
    }

    /** Ends a recording whose post-roll has passed while no unit arrived (camera stalled). */
    public synchronized void expire() {
        if (recorder != null && clock.millis() > recordUntilMillis) {
            finishRecording();
        }
    }

    private void record(AccessUnit unit, long arrivalMillis) {
        arrival.set(arrivalMillis);
        recorder.onAccessUnit(unit);
        recordedUntilMillis = arrivalMillis;
    }

    private void finishRecording() {
        recorder.close();
        lastStats = recorder.stats();
        recorder = null;
    }

    @Override
    public void onStreamClosed(String reason) {
        close();
    }

    /** Finishes a running recording and releases the buffer. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (recorder != null) {
            finishRecording();
        }
        buffer.close();
    }

    /** The running recording's counters, else the last one's, else null. */
    public synchronized RecorderStats recorderStats() {
        return recorder != null ? recorder.stats() : lastStats;
    }

    /** What the recorder holds and does now. */
    public synchronized EventRecordingStatus status() {
        return new EventRecordingStatus(preRoll.toSeconds(), postRoll.toSeconds(), buffer.spanMillis(),
                buffer.bytes(), buffer.gopsDroppedForSize(), recorder != null,
                recorder != null ? Instant.ofEpochMilli(recordUntilMillis) : null, triggers, recordings,
                lastReason, lastTriggerAt);
    }

    /** The answer to a trigger: whether it started a recording, and the range being recorded. */
    public record EventTrigger(String channelId, String reason, Instant at, boolean startedRecording,
                               Instant recordingFrom, Instant recordingUntil) {
    }

    /** A clock whose time is set to the arrival of the unit being recorded. */
    private static final class ArrivalClock extends Clock {
        private final ZoneId zone;
        private final AtomicLong millis;

        ArrivalClock(ZoneId zone, AtomicLong millis) {
            this.zone = zone;
            this.millis = millis;
        }

        void set(long arrivalMillis) {
            millis.set(arrivalMillis);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new ArrivalClock(other, millis);
        }
    }
}
