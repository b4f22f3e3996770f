package io.gbgate.media.webrtc;

import io.gbgate.media.webrtc.ice.IceCheckOutcome;
import io.gbgate.media.webrtc.stun.StunFormatException;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One passive ICE-TCP connection (RFC 6544). Unbound, its first frame must be a STUN message whose
 * USERNAME names a session (the local ufrag before the colon): anything else closes the connection.
 * The first check the session accepts binds the connection to it; from then on STUN, DTLS and SRTCP
 * frames go to that session exactly as datagrams from a validated UDP address do. A connection that
 * binds to nothing within the bind timeout is closed; when a bound connection ends, the session does
 * too if the connection was its media path.
 */
final class IceTcpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(IceTcpConnectionHandler.class);

    private final WebRtcServer server;
    private final IceTcpCounters counters;
    private final Duration bindTimeout;
    private MediaPath.Tcp path;
    private WebRtcSession session;
    private ScheduledFuture<?> bindDeadline;

    IceTcpConnectionHandler(WebRtcServer server, IceTcpCounters counters, Duration bindTimeout) {
        this.server = server;
        this.counters = counters;
        this.bindTimeout = bindTimeout;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counters.accepted.incrementAndGet();
        path = new MediaPath.Tcp(ctx.channel());
        bindDeadline = ctx.executor().schedule(() -> {
            if (session == null && ctx.channel().isOpen()) {
                counters.bindTimeouts.incrementAndGet();
                reject(ctx, "no valid ICE check within " + bindTimeout.toMillis() + " ms");
            }
        }, bindTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (ctx.channel().isOpen()) {
                onFrame(ctx, frame);
            }
        } finally {
            frame.release();
        }
    }

    private void onFrame(ChannelHandlerContext ctx, ByteBuf frame) {
        PacketKind kind = PacketKind.of(frame);
        if (session == null) {
            onUnboundFrame(ctx, frame, kind);
            return;
        }
        switch (kind) {
            case STUN -> {
                StunMessage message = decodeStun(frame);
                if (message != null) {
                    answer(ctx, session.onStun(message, path, ctx.alloc()));
                }
            }
            case DTLS -> session.onDtls(frame, path);
            case RTCP -> session.onRtcp(frame);
            case OTHER -> counters.unknownProtocol.incrementAndGet();
        }
    }

    private void onUnboundFrame(ChannelHandlerContext ctx, ByteBuf frame, PacketKind kind) {
        StunMessage message = kind == PacketKind.STUN ? decodeStun(frame) : null;
        if (message == null) {
            counters.notStun.incrementAndGet();
            reject(ctx, "first frame is not a STUN message");
            return;
        }
        String username = message.username();
        int colon = username == null ? -1 : username.indexOf(':');
        WebRtcSession named = colon < 0 ? null : server.sessionByUfrag(username.substring(0, colon));
        if (named == null || named.state() == WebRtcSessionState.CLOSED) {
            counters.unknownUfrag.incrementAndGet();
            reject(ctx, "the check names no session");
            return;
        }
        IceCheckOutcome outcome = named.onStun(message, path, ctx.alloc());
        answer(ctx, outcome);
        if (outcome.accepted()) {
            session = named;
            bindDeadline.cancel(false);
            counters.bound.incrementAndGet();
            named.closed().whenComplete((reason, error) -> ctx.channel().close());
        } else {
            server.counters().rejectedChecks.incrementAndGet();
        }
    }

    private static StunMessage decodeStun(ByteBuf frame) {
        try {
            return StunMessage.decode(frame);
        } catch (StunFormatException e) {
            return null;
        }
    }

    private static void answer(ChannelHandlerContext ctx, IceCheckOutcome outcome) {
        if (outcome.response() != null) {
            ctx.writeAndFlush(outcome.response(), ctx.voidPromise());
        }
    }

    private void reject(ChannelHandlerContext ctx, String why) {
        log.debug("ICE-TCP connection from {} closed: {}", ctx.channel().remoteAddress(), why);
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (bindDeadline != null) {
            bindDeadline.cancel(false);
        }
        if (session != null) {
            session.tcpPathClosed(path);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            counters.oversizedFrames.incrementAndGet();
            reject(ctx, cause.getMessage());
        } else {
            log.debug("ICE-TCP connection from {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
