package io.gbgate.media.webrtc;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.webrtc.dtls.DtlsSrtpEndpoint;
import io.gbgate.media.webrtc.ice.IceCheckOutcome;
import io.gbgate.media.webrtc.ice.IceLiteResponder;
import io.gbgate.media.webrtc.rtcp.RtcpFeedbackListener;
import io.gbgate.media.webrtc.rtcp.RtcpFeedbackReader;
import io.gbgate.media.webrtc.sdp.WebRtcAnswer;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpProtector;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser watching one stream: ICE-lite, then DTLS-SRTP, then the stream hub's access units
 * (its GOP cache first) packetized and sent as SRTP. The browser's RTCP drives keyframe requests
 * and NACK retransmissions. Created by {@link WebRtcServer#createSession}; a {@link StreamSink}
 * of its hub once connected.
 */
public final class WebRtcSession implements StreamSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebRtcSession.class);
    private static final long KEYFRAME_REQUEST_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final String id;
    private final WebRtcAnswer answer;
    private final StreamHub hub;
    private final WebRtcStreamInfo streamInfo;
    private final IceLiteResponder ice;
    private final DtlsSrtpEndpoint dtls;
    private final SessionTransport transport;
    private final WebRtcServerConfig config;
    private final long createdNanos = System.nanoTime();
    private final AtomicReference<WebRtcSessionState> state = new AtomicReference<>(WebRtcSessionState.WAITING_FOR_ICE);
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final Feedback feedback = new Feedback();
    private final AtomicLong srtcpDropped = new AtomicLong();
    private final AtomicLong keyframeRequests = new AtomicLong();
    private volatile long lastConsentNanos = System.nanoTime();
    private volatile long lastKeyframeRequestNanos = System.nanoTime() - KEYFRAME_REQUEST_INTERVAL_NANOS;
    private volatile MediaSender sender;
    private SrtpUnprotector unprotector;

    WebRtcSession(String id, WebRtcAnswer answer, StreamHub hub, WebRtcStreamInfo streamInfo, IceLiteResponder ice,
                  SessionTransport transport, WebRtcServer server) {
        this.id = id;
        this.answer = answer;
        this.hub = hub;
        this.streamInfo = streamInfo;
        this.ice = ice;
        this.transport = transport;
        this.config = server.config();
        this.dtls = new DtlsSrtpEndpoint(server.identity(), answer.remoteFingerprint(), transport::sendDtls,
                config.rtpMtu(), server.dtlsExecutor());
        dtls.keys().whenComplete((keys, failure) -> {
            if (keys != null) {
                connected(keys);
            }
        });
        dtls.closed().thenAccept(reason -> close(reason));
    }

    /** The id the WHEP resource URL names. */
    public String id() {
        return id;
    }

    /** The SDP answer to return to the browser. */
    public String answerSdp() {
        return answer.sdp();
    }

    public WebRtcAnswer answer() {
        return answer;
    }

    public String streamId() {
        return hub.streamId();
    }

    public WebRtcSessionState state() {
        return state.get();
    }

    /** Completes with the reason once the session has ended. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    /** Video packets resent after NACKs. */
    public long retransmittedPackets() {
        MediaSender current = sender;
        return current == null ? 0 : current.retransmittedPackets();
    }

    /** Keyframe requests (PLI/FIR) passed on to the source. */
    public long keyframeRequests() {
        return keyframeRequests.get();
    }

    /** Outgoing packets dropped: no peer known yet, or the UDP socket's or TCP connection's queue was full. */
    public long droppedDatagrams() {
        return transport.droppedDatagrams();
    }

    /** SRTCP packets dropped (authentication failure, replay, malformed). */
    public long droppedRtcpPackets() {
        return srtcpDropped.get();
    }

    // ---- network thread --------------------------------------------------------------------

    IceCheckOutcome onStun(StunMessage message, MediaPath from, ByteBufAllocator allocator) {
        IceCheckOutcome outcome = ice.handle(message, from.remote(), allocator);
        if (outcome.accepted()) {
            lastConsentNanos = System.nanoTime();
            transport.peerValidated(from, outcome.nominated());
            state.compareAndSet(WebRtcSessionState.WAITING_FOR_ICE, WebRtcSessionState.CONNECTING);
        }
        return outcome;
    }

    void onDtls(ByteBuf datagram, MediaPath from) {
        transport.dtlsFrom(from);
        dtls.onDatagram(datagram);
    }

    void onRtcp(ByteBuf datagram) {
        MediaSender current = sender;
        if (current == null) {
            srtcpDropped.incrementAndGet();
            return;
        }
        SrtpResult result = unprotector.unprotectRtcp(datagram);
        if (result != SrtpResult.OK || !RtcpFeedbackReader.read(datagram, feedback)) {
            srtcpDropped.incrementAndGet();
        }
    }

    /** Acts on the browser's RTCP feedback; called on the network thread once connected. */
    private final class Feedback implements RtcpFeedbackListener {
        @Override
        public void onKeyframeRequest(long mediaSsrc) {
            long now = System.nanoTime();
            if (now - lastKeyframeRequestNanos >= KEYFRAME_REQUEST_INTERVAL_NANOS) {
                lastKeyframeRequestNanos = now;
                keyframeRequests.incrementAndGet();
                streamInfo.keyframeRequester().requestKeyframe("PLI/FIR from WebRTC viewer " + id);
            }
        }

        @Override
        public void onNack(long mediaSsrc, int sequence) {
            sender.retransmit(mediaSsrc, sequence);
        }
    }

    /** Periodic work on the network thread: sender reports, consent and setup timeouts. */
    void tick(ByteBufAllocator allocator) {
        long now = System.nanoTime();
        WebRtcSessionState current = state.get();
        if (current == WebRtcSessionState.CONNECTED) {
            if (now - lastConsentNanos > config.consentTimeout().toNanos()) {
                close("ICE consent expired: no connectivity check for " + config.consentTimeout().toSeconds() + " s");
                return;
            }
            MediaSender media = sender;
            if (media != null) {
                media.sendSenderReports(allocator);
            }
        } else if (current != WebRtcSessionState.CLOSED && now - createdNanos > config.connectTimeout().toNanos()) {
            close("ICE/DTLS did not complete within " + config.connectTimeout().toSeconds() + " s");
        }
    }

    // ---- DTLS thread, then the hub's delivery thread ------------------------------------------

    private void connected(DtlsSrtpKeys keys) {
        unprotector = new SrtpUnprotector(keys.clientWrite());
        sender = new MediaSender(new SrtpProtector(keys.serverWrite()), transport, answer.video(), answer.audio(),
                config.rtpMtu(), config.nackHistoryPackets(), config.cname(), transport.allocator());
        if (state.compareAndSet(WebRtcSessionState.CONNECTING, WebRtcSessionState.CONNECTED)
                || state.compareAndSet(WebRtcSessionState.WAITING_FOR_ICE, WebRtcSessionState.CONNECTED)) {
            log.info("WebRTC session {} connected to {} for stream {}", id, describe(transport.mediaPeer()), hub.streamId());
            hub.addSink(this);
            if (state.get() == WebRtcSessionState.CLOSED) {
                hub.removeSink(this); // close() ran between the state change and addSink: its removeSink came first
            }
        } else {
            sender.close(); // closed while the handshake finished
        }
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        MediaSender current = sender;
        if (current != null && state.get() == WebRtcSessionState.CONNECTED) {
            current.send(unit);
        }
    }

    @Override
    public void onStreamClosed(String reason) {
        close("stream ended: " + reason);
    }

    /** Ends the session: leaves the hub, drops DTLS state and kept packets. Idempotent. */
    public void close(String reason) {
        if (state.getAndSet(WebRtcSessionState.CLOSED) == WebRtcSessionState.CLOSED) {
            return;
        }
        hub.removeSink(this);
        dtls.close(reason);
        MediaSender current = sender;
        if (current != null) {
            current.close();
        }
        transport.closed(this);
        log.info("WebRTC session {} for stream {} closed: {}", id, hub.streamId(), reason);
        closed.complete(reason);
    }

    @Override
    public void close() {
        close("closed by the server");
    }

    /** Called on the network thread when an ICE-TCP connection bound to this session ends. */
    void tcpPathClosed(MediaPath path) {
        if (transport.uses(path) && state.get() != WebRtcSessionState.CLOSED) {
            close("ICE-TCP connection from " + path.remote() + " closed");
        }
    }

    private static String describe(MediaPath path) {
        return path == null ? "nobody" : (path instanceof MediaPath.Tcp ? "tcp " : "udp ") + path.remote();
    }

    @Override
    public String toString() {
        return "WebRtcSession[" + id + ", stream " + hub.streamId() + ", " + state.get() + "]";
    }
}
