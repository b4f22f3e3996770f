package io.gbgate.media.rtp;

import io.netty.util.collection.LongObjectHashMap;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SSRC demux table of one {@link UdpRtpReceiver}, shared by all of its reader sockets.
 *
 * <p>Per packet only {@link #get} runs: a lock-free read of a map that is never changed after it
 * is published (copy-on-write). Changes — register, unregister, a camera's SSRC change, binding
 * the wildcard, a stream's sender moving — are rare and serialized by the table's lock.
 *
 * <p>Lock order: a registration's lock may be held while the table's lock is taken (a packet
 * reporting that its sender moved), never the other way round.
 */
final class RtpSsrcTable {
    private final Object lock = new Object();
    /** Never changed once published; replaced as a whole under {@link #lock}. */
    private volatile LongObjectHashMap<RtpRegistration> streams = new LongObjectHashMap<>();
    /** Where each stream's packets came from, to follow a camera that changes SSRC mid-stream. */
    private final Map<InetSocketAddress, RtpRegistration> bySender = new ConcurrentHashMap<>();
    private volatile RtpRegistration anySsrc;
    private boolean closed;

    /** The stream registered for {@code ssrc}, or null; lock-free. */
    RtpRegistration get(long ssrc) {
        return streams.get(ssrc);
    }

    /** Streams registered now (bound ones plus an unbound wildcard). */
    int size() {
        return streams.size() + (anySsrc != null ? 1 : 0);
    }

    void add(long ssrc, RtpRegistration registration, int port) {
        synchronized (lock) {
            requireOpen();
            if (streams.containsKey(ssrc)) {
                throw new IllegalStateException("SSRC " + ssrc + " is already registered on port " + port);
            }
            streams = with(ssrc, registration);
        }
    }

    void addAny(RtpRegistration registration, int port) {
        synchronized (lock) {
            requireOpen();
            if (anySsrc != null) {
                throw new IllegalStateException("port " + port + " already has a wildcard registration");
            }
            anySsrc = registration;
        }
    }

    /** Forgets {@code registration} under every SSRC and sender it had. */
    void remove(RtpRegistration registration) {
        synchronized (lock) {
            if (anySsrc == registration) {
                anySsrc = null;
            }
            LongObjectHashMap<RtpRegistration> copy = new LongObjectHashMap<>(streams.size());
            for (LongObjectHashMap.PrimitiveEntry<RtpRegistration> e : streams.entries()) {
                if (e.value() != registration) {
                    copy.put(e.key(), e.value());
                }
            }
            streams = copy;
            bySender.values().removeIf(r -> r == registration);
        }
    }

    /** Closes the table (later registrations fail) and returns every registration it held. */
    List<RtpRegistration> close() {
        synchronized (lock) {
            closed = true;
            Set<RtpRegistration> all = Collections.newSetFromMap(new IdentityHashMap<>());
            all.addAll(streams.values());
            if (anySsrc != null) {
                all.add(anySsrc);
            }
            streams = new LongObjectHashMap<>();
            bySender.clear();
            anySsrc = null;
            return new ArrayList<>(all);
        }
    }

    /**
     * The stream a packet with the unregistered {@code ssrc} from {@code sender} belongs to: the
     * stream that sender fed before (the camera changed SSRC mid-stream: re-encoder restart, NVR
     * switch), else the unbound wildcard, which this binds; null when neither.
     */
    RtpRegistration adopt(long ssrc, InetSocketAddress sender) {
        if (anySsrc == null && !bySender.containsKey(sender)) {
            return null; // the common unknown-SSRC case stays lock-free
        }
        RtpRegistration followed;
        synchronized (lock) {
            RtpRegistration already = streams.get(ssrc);
            if (already != null) {
                return already; // adopted by another reader meanwhile
            }
            followed = bySender.get(sender);
            if (followed == null || followed.isClosed()) {
                RtpRegistration wildcard = anySsrc;
                if (wildcard == null) {
                    return null;
                }
                anySsrc = null;
                wildcard.bind(ssrc);
                streams = with(ssrc, wildcard);
                return wildcard;
            }
            streams = with(ssrc, followed);
        }
        followed.ssrcChanged(ssrc); // takes the registration's lock: outside the table's
        return followed;
    }

    /** {@code registration}'s packets now come from {@code sender}; ignored once it is closed. */
    void senderMoved(RtpRegistration registration, InetSocketAddress sender) {
        synchronized (lock) {
            if (registration.isClosed() || closed) {
                return;
            }
            bySender.values().remove(registration);
            bySender.put(sender, registration);
        }
    }

    private LongObjectHashMap<RtpRegistration> with(long ssrc, RtpRegistration registration) {
        LongObjectHashMap<RtpRegistration> current = streams;
        LongObjectHashMap<RtpRegistration> copy = new LongObjectHashMap<>(current.size() + 1);
        copy.putAll(current);
        copy.put(ssrc, registration);
        return copy;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("RTP receiver is closed");
        }
    }
}
