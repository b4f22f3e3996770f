package io.gbgate.gateway.stream;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;

/**
 * What a play reached and when: the timeline behind "why does this camera not play". Written from
 * the signalling and media threads, read by the API.
 */
public final class PlayDiagnosis {
    private final Clock clock;
    private final Instant started;
    private final EnumMap<PlayStage, Instant> reached = new EnumMap<>(PlayStage.class);
    private volatile String firstRtpFrom;
    private volatile Long firstRtpSsrc;
    private volatile String failure;
    private final List<AttemptSummary> previousAttempts = new CopyOnWriteArrayList<>();

    /** A play attempt that was given up for another one: its transport, stages reached and why it ended. */
    public record AttemptSummary(String transport, Map<String, Long> timingsMillis, String outcome) {
    }

    public PlayDiagnosis(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    public synchronized void reach(PlayStage stage) {
        reached.putIfAbsent(stage, clock.instant());
    }

    public synchronized boolean hasReached(PlayStage stage) {
        return reached.containsKey(stage);
    }

    public synchronized void firstRtp(String from, long ssrc) {
        if (firstRtpFrom == null) {
            firstRtpFrom = from;
            firstRtpSsrc = ssrc;
        }
        reach(PlayStage.FIRST_RTP);
    }

    /** Starts the stage timeline over for a new attempt; the old one is kept as a summary. */
    public synchronized void newAttempt(String oldTransport, String oldOutcome) {
        previousAttempts.add(new AttemptSummary(oldTransport, timingsMillis(), oldOutcome));
        reached.clear();
        firstRtpFrom = null;
        firstRtpSsrc = null;
    }

    public List<AttemptSummary> previousAttempts() {
        return List.copyOf(previousAttempts);
    }

    public void fail(String reason) {
        if (failure == null) {
            failure = reason;
        }
    }

    public String failure() {
        return failure;
    }

    /** The furthest stage reached, or null when not even the INVITE went out. */
    public synchronized PlayStage lastStage() {
        PlayStage last = null;
        for (PlayStage stage : reached.keySet()) {
            last = stage;
        }
        return last;
    }

    public Instant started() {
        return started;
    }

    /** Milliseconds from the play request to each stage reached. */
    public synchronized Map<String, Long> timingsMillis() {
        Map<String, Long> out = new LinkedHashMap<>();
        reached.forEach((stage, at) -> out.put(stage.name(), at.toEpochMilli() - started.toEpochMilli()));
        return out;
    }

    public String firstRtpFrom() {
        return firstRtpFrom;
    }

    public Long firstRtpSsrc() {
        return firstRtpSsrc;
    }
}
