package io.gbgate.media.hub;

import io.gbgate.media.AccessUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live stream: the ingest publishes access units, every registered sink gets the same
 * buffers (no copy per consumer), and a GOP cache lets a new sink start at the last keyframe.
 *
 * <p>{@link #publish} is called from one thread at a time (the stream's ingest loop). Sinks may
 * be added and removed from any thread.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamHub.class);
    /** Upper bound on the cached GOP so a camera with a huge GOP cannot exhaust memory. */
    private static final int MAX_GOP_UNITS = 1024;

    private final String streamId;
    private final List<StreamSink> sinks = new CopyOnWriteArrayList<>();
    private final Object gopLock = new Object();
    private final List<AccessUnit> gop = new ArrayList<>();
    private final AtomicLong units = new AtomicLong();
    private final AtomicLong videoUnits = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private volatile boolean closed;
    private volatile String closeReason;

    public StreamHub(String streamId) {
        this.streamId = streamId;
    }

    public String streamId() {
        return streamId;
    }

    /** Delivers {@code unit} to every sink. The hub does not take over the caller's reference. */
    public void publish(AccessUnit unit) {
        if (closed) {
            return;
        }
        units.incrementAndGet();
        if (unit.codec().isVideo()) {
            videoUnits.incrementAndGet();
        }
        bytes.addAndGet(unit.size());
        synchronized (gopLock) {
            if (unit.codec().isVideo() && unit.keyframe()) {
                clearGop();
            }
            if (!gop.isEmpty() || (unit.codec().isVideo() && unit.keyframe())) {
                if (gop.size() < MAX_GOP_UNITS) {
                    gop.add(unit.retain());
                }
            }
            for (StreamSink sink : sinks) {
                deliver(sink, unit);
            }
        }
    }

    /** Registers {@code sink}; it first receives the cached GOP (starting at a keyframe), if any. */
    public void addSink(StreamSink sink) {
        synchronized (gopLock) {
            if (closed) {
                sink.onStreamClosed(closeReason);
                return;
            }
            for (AccessUnit unit : gop) {
                deliver(sink, unit);
            }
            sinks.add(sink);
        }
    }

    public boolean removeSink(StreamSink sink) {
        return sinks.remove(sink);
    }

    public int sinkCount() {
        return sinks.size();
    }

    public long unitsPublished() {
        return units.get();
    }

    /** Video pictures published so far. */
    public long videoUnitsPublished() {
        return videoUnits.get();
    }

    public long bytesPublished() {
        return bytes.get();
    }

    public boolean isClosed() {
        return closed;
    }

    public String closeReason() {
        return closeReason;
    }

    /** Ends the stream: every sink is told why, the GOP cache is released. */
    public void close(String reason) {
        List<StreamSink> toTell;
        synchronized (gopLock) {
            if (closed) {
                return;
            }
            closed = true;
            closeReason = reason;
            clearGop();
            toTell = new ArrayList<>(sinks);
            sinks.clear();
        }
        for (StreamSink sink : toTell) {
            try {
                sink.onStreamClosed(reason);
            } catch (RuntimeException e) {
                log.warn("stream {}: sink {} failed on close", streamId, sink, e);
            }
        }
    }

    @Override
    public void close() {
        close("closed");
    }

    private void deliver(StreamSink sink, AccessUnit unit) {
        try {
            sink.onAccessUnit(unit);
        } catch (RuntimeException e) {
            log.warn("stream {}: sink {} failed, removing it", streamId, sink, e);
            sinks.remove(sink);
        }
    }

    private void clearGop() {
        for (AccessUnit cached : gop) {
            cached.release();
        }
        gop.clear();
    }
}
