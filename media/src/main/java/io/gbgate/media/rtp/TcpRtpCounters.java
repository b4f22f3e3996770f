package io.gbgate.media.rtp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Connection and framing counters of a {@link TcpRtpServer} or a {@link TcpRtpClient}. Updated on
 * the connections' event loops, readable from any thread.
 */
public final class TcpRtpCounters {
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final AtomicLong connectionsClosed = new AtomicLong();
    private final AtomicLong framingErrors = new AtomicLong();
    private final AtomicLong truncatedFrames = new AtomicLong();
    private final AtomicLong unknownSsrc = new AtomicLong();
    private final AtomicLongArray drops = new AtomicLongArray(RtpDropReason.values().length);

    TcpRtpCounters() {
    }

    /** Connections accepted (server) or established (client). */
    public long connectionsOpened() {
        return connectionsOpened.get();
    }

    /** Connections that have closed, for whatever reason. */
    public long connectionsClosed() {
        return connectionsClosed.get();
    }

    /** Connections closed because they sent a frame that is neither RTP nor RTCP. */
    public long framingErrors() {
        return framingErrors.get();
    }

    /** Connections the peer closed in the middle of a frame (the partial frame is discarded). */
    public long truncatedFrames() {
        return truncatedFrames.get();
    }

    /**
     * Connections refused because the SSRC of their first RTP packet had no registration waiting
     * for a connection (server only).
     */
    public long unknownSsrcRefusals() {
        return unknownSsrc.get();
    }

    /** Frames dropped (and otherwise ignored) for {@code reason}. */
    public long drops(RtpDropReason reason) {
        return drops.get(reason.ordinal());
    }

    /** RTCP frames multiplexed on the connection and ignored. */
    public long rtcpIgnored() {
        return drops(RtpDropReason.RTCP);
    }

    void connectionOpened() {
        connectionsOpened.incrementAndGet();
    }

    void connectionClosed() {
        connectionsClosed.incrementAndGet();
    }

    void framingError() {
        framingErrors.incrementAndGet();
    }

    void truncatedFrame() {
        truncatedFrames.incrementAndGet();
    }

    void unknownSsrc() {
        unknownSsrc.incrementAndGet();
    }

    void drop(RtpDropReason reason) {
        drops.incrementAndGet(reason.ordinal());
    }
}
