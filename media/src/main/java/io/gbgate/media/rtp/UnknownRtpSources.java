package io.gbgate.media.rtp;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recent senders of RTP with an SSRC nobody registered, so a failing play can say
 * "RTP from 10.1.2.3:15060 arrives with SSRC 0100000007, not the one offered". Bounded; touched
 * by the receiver's readers under its own lock (only unregistered RTP gets here), read through a
 * snapshot.
 */
public final class UnknownRtpSources {
    /** One sender of unregistered RTP: the last SSRC it used and how many packets it sent. */
    public record Source(InetSocketAddress sender, long ssrc, long packets, long lastSeenNanos) {
    }

    private static final int CAPACITY = 64;
    private final Map<InetSocketAddress, long[]> bySender = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetSocketAddress, long[]> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized void record(InetSocketAddress sender, long ssrc, long nowNanos) {
        long[] entry = bySender.get(sender);
        if (entry == null) {
            bySender.put(sender, new long[] {ssrc, 1, nowNanos});
        } else {
            entry[0] = ssrc;
            entry[1]++;
            entry[2] = nowNanos;
        }
    }

    synchronized List<Source> snapshot() {
        List<Source> out = new ArrayList<>(bySender.size());
        bySender.forEach((sender, e) -> out.add(new Source(sender, e[0], e[1], e[2])));
        return out;
    }
}
