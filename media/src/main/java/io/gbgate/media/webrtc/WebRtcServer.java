package io.gbgate.media.webrtc;

import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.net.NettyTransport;
import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.dtls.DtlsIdentity;
import io.gbgate.media.webrtc.ice.IceCredentials;
import io.gbgate.media.webrtc.ice.IceLiteResponder;
import io.gbgate.media.webrtc.sdp.AnswerParameters;
import io.gbgate.media.webrtc.sdp.HostCandidate;
import io.gbgate.media.webrtc.sdp.SdpAnswerBuilder;
import io.gbgate.media.webrtc.sdp.SdpException;
import io.gbgate.media.webrtc.sdp.SdpOffer;
import io.gbgate.media.webrtc.sdp.WebRtcAnswer;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The WebRTC media server: one UDP port shared by every session (ICE-lite host candidates on the
 * announced addresses), demultiplexed by ICE username fragment for STUN and by the validated
 * remote address for DTLS and SRTCP; optionally one ICE-TCP port as the fallback, each connection
 * bound to the session its first check names (see {@link IceTcpConnectionHandler}). The DTLS certificate is made at start; handshakes run on a
 * small bounded executor, never on the event loop.
 */
public final class WebRtcServer implements AutoCloseable {
    private static final int DTLS_QUEUE = 256;
    private static final int SOCKET_BUFFER_BYTES = 4 << 20;

    private final WebRtcServerConfig config;
    private final DtlsIdentity identity;
    private final SecureRandom random = new SecureRandom();
    private final EventLoopGroup group;
    private final ThreadPoolExecutor dtlsExecutor;
    private final Channel channel;
    private final Channel tcpChannel;
    private final List<HostCandidate> candidates;
    private final Map<String, WebRtcSession> sessionsByUfrag = new ConcurrentHashMap<>();
    private final Map<String, WebRtcSession> sessionsById = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, WebRtcSession> sessionsByAddress = new ConcurrentHashMap<>();
    private final DatagramCounters counters = new DatagramCounters();
    private final IceTcpCounters tcpCounters = new IceTcpCounters();

    private WebRtcServer(WebRtcServerConfig config) throws InterruptedException {
        this.config = config;
        this.identity = DtlsIdentity.generate("gbgate-webrtc", random);
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("webrtc-udp", true));
        this.dtlsExecutor = new ThreadPoolExecutor(config.dtlsThreads(), config.dtlsThreads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(DTLS_QUEUE), new DefaultThreadFactory("webrtc-dtls", true));
        dtlsExecutor.allowCoreThreadTimeOut(true);
        Channel udp = null;
        try {
            udp = new Bootstrap().group(group).channel(NettyTransport.datagramChannel(group))
                    // every viewer's keyframe burst goes through this one channel: queue generously,
                    // and only past the high mark do sessions drop (and count) packets
                    .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(8 << 20, 16 << 20))
                    .option(ChannelOption.SO_SNDBUF, SOCKET_BUFFER_BYTES)
                    .option(ChannelOption.SO_RCVBUF, SOCKET_BUFFER_BYTES)
                    .handler(new WebRtcDatagramHandler(this))
                    .bind(config.bindHost(), config.port()).sync().channel();
            this.tcpChannel = config.iceTcp().enabled() ? bindTcp(config) : null;
        } catch (InterruptedException | RuntimeException e) {
            if (udp != null) {
                udp.close();
            }
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            dtlsExecutor.shutdownNow();
            throw e;
        }
        this.channel = udp;
        this.candidates = candidates(config, port(), tcpChannel == null ? 0 : tcpPort());
        group.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** Binds the shared UDP port and makes the DTLS certificate. */
    public static WebRtcServer start(WebRtcServerConfig config) throws InterruptedException {
        return new WebRtcServer(config);
    }

    /** The bound UDP port. */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The bound ICE-TCP port, or 0 when ICE-TCP is off. */
    public int tcpPort() {
        return tcpChannel == null ? 0 : ((InetSocketAddress) tcpChannel.localAddress()).getPort();
    }

    /** The fingerprint every answer carries. */
    public CertificateFingerprint fingerprint() {
        return identity.fingerprint();
    }

    /** The announced host candidates. */
    public List<HostCandidate> candidates() {
        return candidates;
    }

    /** Answers {@code offer} for a viewer of {@code hub} whose stream is not described further. */
    public WebRtcSession createSession(SdpOffer offer, StreamHub hub) throws SdpException {
        return createSession(offer, hub, WebRtcStreamInfo.unknown());
    }

    /**
     * Answers {@code offer} for a viewer of {@code hub}. The session joins the hub as a sink once
     * ICE and DTLS complete; it closes itself when they do not within the connect timeout.
     */
    public WebRtcSession createSession(SdpOffer offer, StreamHub hub, WebRtcStreamInfo info) throws SdpException {
        if (!channel.isActive()) {
            throw new IllegalStateException("WebRTC server is closed");
        }
        IceCredentials local;
        do {
            local = IceCredentials.random(random);
        } while (sessionsByUfrag.containsKey(local.ufrag()));
        WebRtcAnswer answer = SdpAnswerBuilder.answer(offer, new AnswerParameters(local, identity.fingerprint(),
                candidates, info.videoProfile(), info.pcmaAudio(), random.nextInt() & 0xFFFFFFFFL,
                random.nextInt() & 0xFFFFFFFFL, config.cname()));
        String id = Long.toUnsignedString(random.nextLong(), 36);
        WebRtcSession session = new WebRtcSession(id, answer, hub, info, new IceLiteResponder(local, offer.iceUfrag()),
                new SessionTransport(channel.alloc(), this), this);
        sessionsByUfrag.put(local.ufrag(), session);
        sessionsById.put(id, session);
        return session;
    }

    public Optional<WebRtcSession> session(String id) {
        return Optional.ofNullable(sessionsById.get(id));
    }

    public Collection<WebRtcSession> sessions() {
        return List.copyOf(sessionsById.values());
    }

    /** Counts of datagrams the server could not use, by cause. */
    public DatagramCounters counters() {
        return counters;
    }

    /** ICE-TCP connections by outcome. */
    public IceTcpCounters tcpCounters() {
        return tcpCounters;
    }

    WebRtcServerConfig config() {
        return config;
    }

    DtlsIdentity identity() {
        return identity;
    }

    ExecutorService dtlsExecutor() {
        return dtlsExecutor;
    }

    WebRtcSession sessionByUfrag(String localUfrag) {
        return sessionsByUfrag.get(localUfrag);
    }

    WebRtcSession sessionByAddress(InetSocketAddress remote) {
        return sessionsByAddress.get(remote);
    }

    void bindAddress(InetSocketAddress remote, WebRtcSession session) {
        sessionsByAddress.put(remote, session);
    }

    void forget(WebRtcSession session) {
        sessionsById.remove(session.id(), session);
        sessionsByUfrag.values().remove(session);
        sessionsByAddress.values().removeIf(s -> s == session);
    }

    private void tick() {
        for (WebRtcSession session : sessionsById.values()) {
            session.tick(channel.alloc());
        }
    }

    private Channel bindTcp(WebRtcServerConfig config) throws InterruptedException {
        IceTcpConfig tcp = config.iceTcp();
        WriteBufferWaterMark waterMark = new WriteBufferWaterMark(tcp.writeBufferBytes() / 2, tcp.writeBufferBytes());
        return new ServerBootstrap().group(group, group).channel(NettyTransport.serverSocketChannel(group))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new IceTcpFrameDecoder(tcp.maxFrameBytes()),
                                new LengthFieldPrepender(IceTcpFrameDecoder.LENGTH_PREFIX_BYTES),
                                new IceTcpConnectionHandler(WebRtcServer.this, tcpCounters, tcp.bindTimeout()));
                    }
                })
                .bind(config.bindHost(), tcp.port()).sync().channel();
    }

    private static List<HostCandidate> candidates(WebRtcServerConfig config, int port, int tcpPort) {
        List<String> addresses = new ArrayList<>(config.announcedAddresses());
        if (addresses.isEmpty()) {
            boolean wildcard = config.bindHost().equals("0.0.0.0") || config.bindHost().equals("::");
            addresses.add(wildcard ? "127.0.0.1" : config.bindHost());
        }
        List<HostCandidate> out = new ArrayList<>();
        for (int i = 0; i < addresses.size(); i++) {
            out.add(HostCandidate.udp(addresses.get(i), port, i));
        }
        if (tcpPort > 0) {
            for (int i = 0; i < addresses.size(); i++) {
                out.add(HostCandidate.tcpPassive(addresses.get(i), tcpPort, i));
            }
        }
        return List.copyOf(out);
    }

    /** Closes every session and the socket. */
    @Override
    public void close() {
        for (WebRtcSession session : sessionsById.values()) {
            session.close("WebRTC server stopping");
        }
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (tcpChannel != null) {
            tcpChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        dtlsExecutor.shutdownNow();
    }
}
