package io.gbgate.media.webrtc;

import java.util.concurrent.atomic.AtomicLong;

/** Datagrams the WebRTC server received and could not use, by cause. */
public final class DatagramCounters {
    final AtomicLong received = new AtomicLong();
    final AtomicLong malformedStun = new AtomicLong();
    final AtomicLong unknownUfrag = new AtomicLong();
    final AtomicLong rejectedChecks = new AtomicLong();
    final AtomicLong unknownSender = new AtomicLong();
    final AtomicLong unknownProtocol = new AtomicLong();

    public long received() {
        return received.get();
    }

    /** STUN that did not parse. */
    public long malformedStun() {
        return malformedStun.get();
    }

    /** Connectivity checks naming no session. */
    public long unknownUfrag() {
        return unknownUfrag.get();
    }

    /** Checks a session refused (bad integrity, role conflict, ...). */
    public long rejectedChecks() {
        return rejectedChecks.get();
    }

    /** DTLS or RTCP from an address no session has validated. */
    public long unknownSender() {
        return unknownSender.get();
    }

    /** Datagrams that are neither STUN, DTLS nor RTP/RTCP (RFC 7983). */
    public long unknownProtocol() {
        return unknownProtocol.get();
    }
}
