package io.gbgate.gateway.simulator;

import io.gbgate.media.rtp.RtpSender;
import io.gbgate.media.rtp.TcpRtpSender;
import io.gbgate.media.rtp.UdpRtpSender;
import io.gbgate.sip.device.MediaAnswer;
import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.device.MediaSession;
import io.gbgate.sip.device.MediaSessionFactory;
import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.device.SipDeviceConfig;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A GB28181 camera in the gateway's own process: the device role of {@code sip} (register with
 * digest, keepalive, catalog and device info answers) plus a PS-over-RTP sender fed by a test
 * pattern or a looped recording. Used by the demo, the tests and the load harness.
 */
public final class SimulatedCamera implements AutoCloseable {
    private static final Duration TCP_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private final SipDeviceAgent agent;

    /**
     * @param config the device's SIP identity, server and channels
     * @param feeds  a new PS source for each INVITE
     * @param group  event loops for the RTP senders
     */
    public SimulatedCamera(SipDeviceConfig config, Supplier<PsFeed> feeds, EventLoopGroup group) {
        this.agent = new SipDeviceAgent(config, mediaFactory(feeds, group, config.localHost()));
    }

    /**
     * The camera's media side: answers every INVITE (UDP, TCP passive, TCP active) by sending a
     * new feed's PS as RTP from {@code localHost}. Tests compose it with misbehaving variants.
     */
    public static MediaSessionFactory mediaFactory(Supplier<PsFeed> feeds, EventLoopGroup group, String localHost) {
        return offer -> open(offer, feeds, group, localHost);
    }

    private static CompletionStage<MediaSession> open(MediaOffer offer, Supplier<PsFeed> feeds,
                                                      EventLoopGroup group, String localHost) {
        long ssrc = Long.parseLong(offer.ssrc());
        InetSocketAddress platform = new InetSocketAddress(offer.targetIp(), offer.targetPort());
        return switch (offer.transport()) {
            case UDP -> answered(offer, feeds, UdpRtpSender.open(group, localHost, platform, ssrc), localHost);
            // the platform listens: the camera connects first and answers with its end of the connection
            case TCP_PASSIVE -> {
                TcpRtpSender sender = TcpRtpSender.connect(group, platform, ssrc, TCP_CONNECT_TIMEOUT);
                yield sender.connected().thenApply(connected -> answered(offer, feeds, sender, localHost)
                        .toCompletableFuture().join());
            }
            // the platform connects: the camera listens on the port it answers with
            case TCP_ACTIVE -> answered(offer, feeds, TcpRtpSender.listen(group, localHost, 0, ssrc), localHost);
        };
    }

    private static CompletionStage<MediaSession> answered(MediaOffer offer, Supplier<PsFeed> feeds, RtpSender sender,
                                                          String localHost) {
        MediaAnswer answer = new MediaAnswer(localHost, sender.localAddress().getPort(), offer.ssrc());
        return CompletableFuture.completedFuture(new CameraMediaSession(feeds.get(), sender, answer));
    }

    /** Registers (digest) and starts the keepalive. */
    public SimulatedCamera start() {
        agent.start();
        return this;
    }

    public CompletableFuture<Void> registered() {
        return agent.registered();
    }

    /** The device agent, for tests that steer the SIP side (stop keepalive, hang up, ...). */
    public SipDeviceAgent agent() {
        return agent;
    }

    @Override
    public void close() {
        agent.close();
    }
}
