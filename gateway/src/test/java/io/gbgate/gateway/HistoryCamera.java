package io.gbgate.gateway;

import io.gbgate.gateway.simulator.PsFeed;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.device.MediaSession;
import io.gbgate.sip.device.MediaSessionFactory;
import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.device.StreamPurpose;
import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A simulated camera's media side that answers every INVITE (live, playback, download) with the test pattern
 * and remembers the offers, so a test knows the Call-ID of a history call (to report its file end).
 */
final class HistoryCamera implements MediaSessionFactory {
    private final MediaSessionFactory media;
    private final List<MediaOffer> offers = new CopyOnWriteArrayList<>();

    HistoryCamera(Supplier<PsFeed> feeds, EventLoopGroup group) {
        this.media = SimulatedCamera.mediaFactory(feeds, group, "127.0.0.1");
    }

    @Override
    public CompletionStage<MediaSession> open(MediaOffer offer) {
        offers.add(offer);
        return media.open(offer);
    }

    /** The last offer of {@code purpose}. */
    MediaOffer last(StreamPurpose purpose) {
        for (int i = offers.size() - 1; i >= 0; i--) {
            if (offers.get(i).purpose() == purpose) {
                return offers.get(i);
            }
        }
        throw new AssertionError("no " + purpose + " INVITE arrived; offers: " + offers);
    }

    /** The agent's end of a history call: reports MediaStatus 121 for the last offer of {@code purpose}. */
    static void fileEnded(SipDeviceAgent agent, MediaOffer offer) throws Exception {
        agent.fileEnded(offer.callId()).get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
