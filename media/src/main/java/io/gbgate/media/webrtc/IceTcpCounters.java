package io.gbgate.media.webrtc;

import java.util.concurrent.atomic.AtomicLong;

/** ICE-TCP connections the WebRTC server accepted, bound to sessions, and closed for bad input. */
public final class IceTcpCounters {
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong bound = new AtomicLong();
    final AtomicLong notStun = new AtomicLong();
    final AtomicLong unknownUfrag = new AtomicLong();
    final AtomicLong oversizedFrames = new AtomicLong();
    final AtomicLong bindTimeouts = new AtomicLong();
    final AtomicLong unknownProtocol = new AtomicLong();

    /** Connections accepted on the ICE-TCP port. */
    public long accepted() {
        return accepted.get();
    }

    /** Connections whose first valid check bound them to a session. */
    public long bound() {
        return bound.get();
    }

    /** Connections closed because their first frame was not a well-formed STUN message. */
    public long notStun() {
        return notStun.get();
    }

    /** Connections closed because their first check named no session. */
    public long unknownUfrag() {
        return unknownUfrag.get();
    }

    /** Connections closed because a frame announced more than the maximum frame size. */
    public long oversizedFrames() {
        return oversizedFrames.get();
    }

    /** Connections closed because no valid check came within the bind timeout. */
    public long bindTimeouts() {
        return bindTimeouts.get();
    }

    /** Frames on bound connections that were neither STUN, DTLS nor RTCP (RFC 7983). */
    public long unknownProtocol() {
        return unknownProtocol.get();
    }
}
