package io.gbgate.media.webrtc;

import io.gbgate.media.webrtc.ice.IceCheckOutcome;
import io.gbgate.media.webrtc.stun.StunFormatException;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demultiplexes the shared socket by first byte (RFC 7983): STUN (0..3) goes to the session its
 * USERNAME names, DTLS (20..63) and RTCP (128..191) to the session that validated the sender.
 */
final class WebRtcDatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger log = LoggerFactory.getLogger(WebRtcDatagramHandler.class);

    private final WebRtcServer server;
    private final DatagramCounters counters;

    WebRtcDatagramHandler(WebRtcServer server) {
        this.server = server;
        this.counters = server.counters();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        counters.received.incrementAndGet();
        ByteBuf content = packet.content();
        InetSocketAddress sender = packet.sender();
        PacketKind kind = PacketKind.of(content);
        if (kind == PacketKind.STUN) {
            onStun(ctx, content, sender);
        } else if (kind == PacketKind.DTLS) {
            WebRtcSession session = server.sessionByAddress(sender);
            if (session == null) {
                counters.unknownSender.incrementAndGet();
            } else {
                session.onDtls(content, new MediaPath.Udp(ctx.channel(), sender));
            }
        } else if (kind == PacketKind.RTCP) {
            WebRtcSession session = server.sessionByAddress(sender);
            if (session == null) {
                counters.unknownSender.incrementAndGet();
            } else {
                session.onRtcp(content);
            }
        } else {
            counters.unknownProtocol.incrementAndGet();
        }
    }

    private void onStun(ChannelHandlerContext ctx, ByteBuf content, InetSocketAddress sender) {
        StunMessage message;
        try {
            message = StunMessage.decode(content);
        } catch (StunFormatException e) {
            counters.malformedStun.incrementAndGet();
            log.debug("malformed STUN from {}: {}", sender, e.getMessage());
            return;
        }
        String username = message.username();
        int colon = username == null ? -1 : username.indexOf(':');
        WebRtcSession session = colon < 0 ? null : server.sessionByUfrag(username.substring(0, colon));
        if (session == null) {
            counters.unknownUfrag.incrementAndGet();
            return;
        }
        IceCheckOutcome outcome = session.onStun(message, new MediaPath.Udp(ctx.channel(), sender), ctx.alloc());
        if (outcome.accepted() && session.state() != WebRtcSessionState.CLOSED) {
            server.bindAddress(sender, session);
        } else {
            counters.rejectedChecks.incrementAndGet();
        }
        if (outcome.response() != null) {
            ctx.writeAndFlush(new DatagramPacket(outcome.response(), sender), ctx.voidPromise());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("WebRTC socket error", cause);
    }
}
