package io.gbgate.media.llhls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.hub.StreamSink;
import io.netty.buffer.ByteBufAllocator;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Low-latency HLS (and plain fMP4 HLS) for one stream: packages the video access units into an
 * fMP4 init section, parts and segments (see {@link LlHlsPackager} for the cuts) and keeps a
 * window of them with the playlists of both {@link PlaylistKind kinds}. H.264 and H.265 are
 * carried untouched (avc1 / hvc1 sample entries). Audio is not carried (the fMP4 muxer has no
 * audio track); it is counted as dropped.
 *
 * <p>Requests that wait for a part (blocking playlist reloads, preload-hinted part requests) get
 * a future from {@link #await}; it completes on the wake-up executor when the part is published
 * or the stream ends, so no thread waits per request. The caller sets the time limit (RFC 8216bis
 * suggests three target durations, see {@link #holdLimit()}).
 *
 * <p>Threads: {@link #onAccessUnit} and {@link #onStreamClosed} come from the ingest thread (one
 * at a time; they take a lock readers never take). Readers see an immutable snapshot.
 */
public final class LlHlsOutput implements StreamSink, AutoCloseable {
    private static final int HOLD_TARGET_DURATIONS = 3;

    private final LlHlsSettings settings;
    private final PartWaiters waiters;
    private final Object ingestLock = new Object();
    // guarded by ingestLock
    private final LlHlsPackager packager;
    private boolean closed;
    private volatile LlHlsWindow window = LlHlsWindow.EMPTY;
    private volatile String closeReason;
    /** Wall-clock time of decode time 0, for EXT-X-PROGRAM-DATE-TIME. */
    private volatile long anchorMillis;
    private final AtomicLong unitsReceived = new AtomicLong();
    private final AtomicLong unitsDropped = new AtomicLong();
    private final AtomicLong partsPublished = new AtomicLong();
    private final AtomicLong segmentsCompleted = new AtomicLong();
    private final AtomicLong bytesPublished = new AtomicLong();

    /**
     * @param allocator where the muxer's working buffers come from (released on close)
     * @param clock     wall clock for EXT-X-PROGRAM-DATE-TIME
     * @param wakeups   where waiting requests are completed (not the ingest thread)
     */
    public LlHlsOutput(LlHlsSettings settings, ByteBufAllocator allocator, Clock clock, Executor wakeups) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.waiters = new PartWaiters(Objects.requireNonNull(wakeups, "wakeups"));
        this.packager = new LlHlsPackager(settings, allocator, clock, new Publisher());
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        unitsReceived.incrementAndGet();
        long arrival = System.nanoTime();
        LlHlsWindow before;
        synchronized (ingestLock) {
            if (closed) {
                return;
            }
            before = window;
            if (!packager.add(unit, arrival)) {
                unitsDropped.incrementAndGet();
            }
        }
        LlHlsWindow after = window;
        if (after != before) {
            waiters.wake(after);
        }
    }

    /** Writes what is queued as the last part, ends the playlists and frees the muxer's buffers. */
    @Override
    public void onStreamClosed(String reason) {
        synchronized (ingestLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            try {
                packager.finish();
            } finally {
                packager.close();
                window = window.end();
            }
        }
        waiters.wake(window);
    }

    @Override
    public void close() {
        onStreamClosed("LL-HLS output closed");
    }

    /** The playlist of {@code kind}; every URI is followed by {@code uriQuerySuffix} verbatim (e.g. "?token=..."). */
    public String playlist(PlaylistKind kind, String uriQuerySuffix) {
        return LlHlsPlaylist.render(window, settings, kind, uriQuerySuffix, anchorMillis);
    }

    /**
     * Completes when {@code target} is published (at once if it is), or the stream ended.
     *
     * @throws LlHlsRequestException when the target lies too far ahead (RFC 8216bis: more than two
     *         segments, or more parts than the Advance Part Limit)
     */
    public CompletableFuture<Void> await(BlockingReload target) {
        target.requireReachable(window, advancePartLimit());
        return waiters.await(target, () -> window);
    }

    /**
     * Completes once the first segment is complete (or the stream ended before): players (hls.js)
     * refuse a playlist that lists parts but no segment, so the first playlist waits for one.
     */
    public CompletableFuture<Void> firstSegment() {
        return waiters.await(new BlockingReload(0, -1), () -> window);
    }

    /** How long a blocking request may be held: three target durations. */
    public Duration holdLimit() {
        return Duration.ofSeconds(HOLD_TARGET_DURATIONS * LlHlsPlaylist.targetDuration(window, settings));
    }

    /** RFC 8216bis Advance Part Limit: three divided by the part target (in seconds), rounded up. */
    public int advancePartLimit() {
        return (int) Math.ceil(3.0 / LlHlsPlaylist.partTargetSeconds(window, settings));
    }

    public Optional<InitSection> init(int id) {
        return window.init(id);
    }

    public Optional<LlHlsPart> part(PartPosition position) {
        return window.part(position);
    }

    /** A complete segment still in the window. */
    public Optional<LlHlsSegment> segment(long msn) {
        return window.segment(msn).filter(LlHlsSegment::complete);
    }

    /** The position of the newest part, empty before the first. */
    public Optional<PartPosition> latestPart() {
        return window.latestPart();
    }

    /** The position the next part will get. */
    public PartPosition nextPart() {
        return window.nextPart();
    }

    public boolean isEnded() {
        return window.ended();
    }

    /** Why the stream closed, or null while it runs. */
    public String closeReason() {
        return closeReason;
    }

    public LlHlsSettings settings() {
        return settings;
    }

    public LlHlsStats stats() {
        return new LlHlsStats(unitsReceived.get(), unitsDropped.get(), partsPublished.get(), segmentsCompleted.get(),
                bytesPublished.get(), waiters.waiting());
    }

    /** Turns what the packager cut into new windows (called with the ingest lock held). */
    private final class Publisher implements LlHlsPackager.Listener {
        @Override
        public void init(InitSection init) {
            window = window.withInit(init).withoutUnusedInits();
        }

        @Override
        public void part(LlHlsPart part, LlHlsSegment opened, long anchor) {
            anchorMillis = anchor;
            window = window.withPart(part, opened, settings.windowSegments()).withoutUnusedInits();
            partsPublished.incrementAndGet();
            bytesPublished.addAndGet(part.size());
        }

        @Override
        public void segmentCompleted() {
            window = window.withSegmentCompleted();
            segmentsCompleted.incrementAndGet();
        }
    }
}
