package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.RtpPacketListener;
import io.gbgate.media.rtp.RtpRegistration;
import io.gbgate.media.rtp.RtpStreamStats;
import io.gbgate.media.rtp.UdpRtpReceiver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * RTP over UDP, on the shared port or on a port of the stream's own: registered under the offered
 * SSRC and, when the device's 200 OK names another one, under that too (devices may stream with
 * their own SSRC).
 */
final class UdpIngestEndpoint implements IngestEndpoint {
    private final UdpRtpReceiver receiver;
    private final RtpPacketListener listener;
    private final List<RtpRegistration> registrations = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> never = new CompletableFuture<>();
    private final boolean ownsReceiver;

    UdpIngestEndpoint(UdpRtpReceiver receiver, long ssrc, RtpPacketListener listener, boolean ownsReceiver) {
        this.receiver = receiver;
        this.ownsReceiver = ownsReceiver;
        this.listener = listener;
        registrations.add(receiver.register(ssrc, listener));
    }

    /** Also accepts RTP with {@code ssrc}, unless it is registered already. */
    void alsoAccept(long ssrc) {
        for (RtpRegistration r : registrations) {
            if (r.ssrc() == ssrc) {
                return;
            }
        }
        registrations.add(receiver.register(ssrc, listener));
    }

    @Override
    public MediaTransport transport() {
        return MediaTransport.UDP;
    }

    @Override
    public int localPort() {
        return receiver.port();
    }

    @Override
    public RtpStreamStats.Snapshot stats() {
        RtpStreamStats.Snapshot busiest = registrations.get(0).stats();
        for (RtpRegistration r : registrations) {
            RtpStreamStats.Snapshot s = r.stats();
            if (s.packets() > busiest.packets()) {
                busiest = s;
            }
        }
        return busiest;
    }

    @Override
    public long ssrcChanges() {
        long changes = 0;
        for (RtpRegistration r : registrations) {
            changes += r.ssrcChanges();
        }
        return changes;
    }

    @Override
    public CompletableFuture<String> closedByDevice() {
        return never;
    }

    @Override
    public void close() {
        registrations.forEach(RtpRegistration::close);
        if (ownsReceiver) {
            receiver.close();
        }
    }
}
