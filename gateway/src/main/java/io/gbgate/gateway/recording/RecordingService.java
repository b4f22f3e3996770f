package io.gbgate.gateway.recording;

import io.gbgate.gateway.config.EventRecordingProperties;
import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.storage.recording.RecorderSettings;
import io.gbgate.storage.recording.RecordingMode;
import io.gbgate.storage.recording.RecordingPlan;
import io.gbgate.storage.recording.RecordingPlanRepository;
import io.gbgate.storage.recording.RetentionJob;
import io.gbgate.storage.recording.RetentionReport;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.storage.recording.SegmentWriter;
import io.gbgate.storage.recording.WriterStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies recording plans: a channel whose plan is active gets its live stream held open (the
 * recorder is one of its consumers) and a segment recorder attached to its hub; when the plan
 * turns inactive the recorder is detached. An event-mode plan keeps the stream held with an
 * {@link EventRecorder} (pre-roll buffer) that records when {@link #recordEvent} is called. Also
 * runs retention and stops recording, with an alarm, when the disk runs full (live viewing goes on).
 */
public final class RecordingService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RecordingService.class);
    static final String HOLDER = "recorder";

    private final GbgateProperties.Recording settings;
    private final EventRecordingProperties eventSettings;
    private final RecordingPlanRepository plans;
    private final SegmentWriter writer;
    private final StreamService streams;
    private final RetentionJob retention;
    private final Path dataDir;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<String, ChannelRecording> channels = new ConcurrentHashMap<>();
    private volatile String diskAlarm;
    private volatile RetentionReport lastRetention;

    public RecordingService(GbgateProperties.Recording settings, EventRecordingProperties eventSettings,
                            RecordingPlanRepository plans, SegmentWriter writer, StreamService streams,
                            RetentionJob retention, Path dataDir, Clock clock, ZoneId zone,
                            ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.eventSettings = eventSettings;
        this.plans = plans;
        this.writer = writer;
        this.streams = streams;
        this.retention = retention;
        this.dataDir = dataDir;
        this.clock = clock;
        this.zone = zone;
        long reconcile = settings.reconcileInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::reconcile, reconcile, reconcile, TimeUnit.MILLISECONDS);
        long keep = settings.retentionInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::runRetention, keep, keep, TimeUnit.MILLISECONDS);
    }

    /** Stores {@code plan} and applies it at once. */
    public RecordingPlan savePlan(RecordingPlan plan) {
        RecordingPlan saved = plans.save(plan);
        reconcile();
        return saved;
    }

    /** Starts and stops recorders as the plans say now. Safe to call from any thread. */
    public synchronized void reconcile() {
        try {
            checkDisk();
            Map<String, RecordingPlan> wanted = new HashMap<>();
            if (diskAlarm == null) {
                for (RecordingPlan plan : plans.findAll()) {
                    if (isActive(plan)) {
                        wanted.put(plan.channelId(), plan);
                    }
                }
            }
            for (RecordingPlan plan : wanted.values()) {
                ChannelRecording running = channels.get(plan.channelId());
                if (running != null && !running.runs(plan)) {
                    stop(running, "recording plan changed");
                    channels.remove(plan.channelId());
                }
                ChannelRecording recording = channels.computeIfAbsent(plan.channelId(), id -> new ChannelRecording(plan));
                if (!recording.isAttached() && !recording.isStarting()) {
                    start(recording);
                }
                EventRecorder events = recording.eventRecorder();
                if (events != null) {
                    events.expire();
                }
            }
            for (ChannelRecording recording : List.copyOf(channels.values())) {
                if (!wanted.containsKey(recording.channelId())) {
                    stop(recording, diskAlarm != null ? diskAlarm : "recording plan inactive");
                    channels.remove(recording.channelId());
                }
            }
        } catch (RuntimeException e) {
            log.warn("applying recording plans failed", e);
        }
    }

    private boolean isActive(RecordingPlan plan) {
        return plan.mode() == RecordingMode.ALWAYS || plan.mode() == RecordingMode.EVENT
                || plan.mode() == RecordingMode.SCHEDULE && plan.isActiveAt(clock.instant().atZone(zone));
    }

    private void start(ChannelRecording recording) {
        recording.starting();
        try {
            streams.hold(recording.channelId(), HOLDER).whenComplete((stream, error) -> {
                if (error != null) {
                    recording.failed("live stream did not start: " + rootMessage(error));
                    return;
                }
                attach(recording, stream);
            });
        } catch (RuntimeException e) {
            recording.failed(e.getMessage());
        }
    }

    private synchronized void attach(ChannelRecording recording, LiveStream stream) {
        if (channels.get(recording.channelId()) != recording) {
            streams.release(recording.channelId(), HOLDER); // the plan went away meanwhile
            return;
        }
        RecordingPlan plan = recording.plan();
        RecorderSettings recorderSettings = RecorderSettings.DEFAULTS.withSegmentDuration(settings.segmentDuration());
        StreamSink recorder = plan.mode() == RecordingMode.EVENT
                ? new EventRecorder(plan.channelId(), Duration.ofSeconds(plan.preRollSeconds()),
                        Duration.ofSeconds(plan.postRollSeconds()), writer, recorderSettings, clock,
                        eventSettings.lateTriggerSlack(), eventSettings.maxBufferSize().toBytes())
                : writer.newRecorder(plan.channelId(), recorderSettings);
        recording.attached(stream, recorder, clock.instant());
        stream.hub().addSink(recorder);
        log.info("{} channel {} (stream {})", plan.mode() == RecordingMode.EVENT ? "event recording armed for"
                : "recording", recording.channelId(), stream.streamId());
    }

    private void stop(ChannelRecording recording, String reason) {
        if (recording.isAttached()) {
            recording.stream().hub().removeSink(recording.recorder());
            recording.recorder().onStreamClosed(reason); // completes the open segment, frees buffers
            log.info("recording of channel {} stopped: {}", recording.channelId(), reason);
        }
        recording.detached(reason);
        streams.release(recording.channelId(), HOLDER);
    }

    /**
     * Records around an event on {@code channelId} (alarm, face hit, API call): the channel's event-mode
     * recorder writes its pre-roll and records until post-roll after {@code at}, or extends a running recording.
     *
     * @param at when the event happened; null for now; at most a few seconds in the future
     * @throws EventRecordingUnavailableException when the channel has no event-mode plan or its stream is not up
     * @throws IllegalArgumentException           when {@code at} lies in the future
     */
    public EventRecorder.EventTrigger recordEvent(String channelId, String reason, Instant at) {
        ChannelRecording recording = channels.get(channelId);
        if (recording == null || recording.plan().mode() != RecordingMode.EVENT) {
            throw new EventRecordingUnavailableException(diskAlarm != null ? diskAlarm
                    : "channel " + channelId + " has no event-mode recording plan");
        }
        EventRecorder events = recording.eventRecorder();
        if (events == null) {
            throw new EventRecordingUnavailableException("event recording of channel " + channelId
                    + " is not armed: " + recording.state().state() + (recording.state().lastError() == null ? ""
                    : " (" + recording.state().lastError() + ")"));
        }
        try {
            EventRecorder.EventTrigger trigger = events.trigger(reason, at);
            log.info("event on channel {} ({}): recording {} .. {}", channelId, reason, trigger.recordingFrom(),
                    trigger.recordingUntil());
            return trigger;
        } catch (IllegalStateException e) {
            throw new EventRecordingUnavailableException(e.getMessage());
        }
    }

    private void checkDisk() {
        try {
            Files.createDirectories(dataDir);
            long free = Files.getFileStore(dataDir).getUsableSpace();
            long min = settings.minFreeDisk().toBytes();
            if (free < min) {
                if (diskAlarm == null) {
                    diskAlarm = "disk full: " + free / (1 << 20) + " MiB free in " + dataDir + ", below "
                            + min / (1 << 20) + " MiB (gbgate.recording.min-free-disk): recording stopped";
                    log.error(diskAlarm);
                }
            } else if (diskAlarm != null) {
                log.warn("disk has room again ({} MiB free): recording resumes", free / (1 << 20));
                diskAlarm = null;
            }
        } catch (IOException e) {
            diskAlarm = "cannot read free space of " + dataDir + ": " + e.getMessage();
        }
    }

    private void runRetention() {
        try {
            lastRetention = retention.run();
            if (!lastRetention.deleted().isEmpty()) {
                log.info("retention: {}", lastRetention);
            }
        } catch (RuntimeException e) {
            log.warn("retention failed", e);
        }
    }

    /** What is recording now, the disk alarm (null when fine) and the writer's counters. */
    public RecordingStatus status() {
        List<RecordingStatus.ChannelState> states = channels.values().stream()
                .map(ChannelRecording::state).sorted((a, b) -> a.channelId().compareTo(b.channelId())).toList();
        return new RecordingStatus(diskAlarm, diskFreeBytes(), settings.minFreeDisk().toBytes(), writer.stats(),
                lastRetention, states);
    }

    /** Why recording is stopped for lack of disk, or null when it is not. */
    public String diskAlarm() {
        return diskAlarm;
    }

    /** Usable bytes in the data directory, or -1 when they cannot be read. */
    public long diskFreeBytes() {
        try {
            return Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The segment writer's counters. */
    public WriterStats writerStats() {
        return writer.stats();
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public synchronized void close() {
        for (ChannelRecording recording : List.copyOf(channels.values())) {
            stop(recording, "gateway shutting down");
        }
        channels.clear();
    }

    /** Used by tests and the API to show when recording of a channel began. */
    Instant since(String channelId) {
        ChannelRecording recording = channels.get(channelId);
        return recording == null ? null : recording.state().since();
    }
}
