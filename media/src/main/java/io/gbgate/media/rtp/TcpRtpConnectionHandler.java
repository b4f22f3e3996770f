package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive side of one RTP-over-TCP connection, after its {@link TcpRtpFrameDecoder}: parses
 * each frame, binds the connection to a stream on its first valid RTP packet and feeds that stream
 * from then on. RTCP and malformed frames are counted and skipped; a frame that is neither RTP nor
 * RTCP (bad version) means framing is lost on a byte stream, so the connection is closed. Runs on
 * the connection's event loop.
 */
final class TcpRtpConnectionHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(TcpRtpConnectionHandler.class);
    private static final AttributeKey<Boolean> CLOSED_BY_GATEWAY =
            AttributeKey.valueOf(TcpRtpConnectionHandler.class, "closedByGateway");

    /** Chooses the stream a connection feeds, from the SSRC of its first valid RTP packet. */
    @FunctionalInterface
    interface StreamBinder {
        /** @return the stream, already attached to {@code connection}, or {@code null} to refuse it */
        TcpRtpStream bind(long ssrc, Channel connection);
    }

    private final TcpRtpFrameDecoder decoder;
    private final TcpRtpCounters counters;
    private final StreamBinder binder;
    private TcpRtpStream stream;
    private InetSocketAddress remote;
    private TcpRtpCloseReason failure;

    TcpRtpConnectionHandler(TcpRtpFrameDecoder decoder, TcpRtpCounters counters, StreamBinder binder) {
        this.decoder = decoder;
        this.counters = counters;
        this.binder = binder;
    }

    /** Closes {@code connection} marking it as closed by the gateway, not by the device. */
    static ChannelFuture closeByGateway(Channel connection) {
        connection.attr(CLOSED_BY_GATEWAY).set(Boolean.TRUE);
        return connection.close();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        remote = (InetSocketAddress) ctx.channel().remoteAddress();
        counters.connectionOpened();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf frame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (!closedByGateway(ctx.channel())) {
                onFrame(ctx.channel(), frame);
            }
        } finally {
            frame.release();
        }
    }

    private void onFrame(Channel channel, ByteBuf frame) {
        RtpHeader header = RtpHeader.parse(frame);
        if (header == null) {
            RtpDropReason reason = RtpHeader.check(frame);
            counters.drop(reason);
            if (reason == RtpDropReason.BAD_VERSION) {
                counters.framingError();
                log.debug("RTP over TCP from {}: frame of {} bytes is neither RTP nor RTCP; closing",
                        remote, frame.readableBytes());
                failure = TcpRtpCloseReason.FRAMING_ERROR;
                closeByGateway(channel);
            }
            return;
        }
        if (stream == null) {
            stream = binder.bind(header.ssrc(), channel);
            if (stream == null) {
                counters.unknownSsrc();
                log.debug("RTP over TCP from {}: no stream waits for SSRC {}; closing", remote, header.ssrc());
                closeByGateway(channel);
                return;
            }
        }
        stream.onPacket(header, frame, remote);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            if (cause instanceof DecoderException) {
                counters.framingError();
                failure = TcpRtpCloseReason.FRAMING_ERROR;
            } else {
                failure = TcpRtpCloseReason.SOCKET_ERROR;
            }
        }
        log.debug("RTP over TCP from {} failed; closing", remote, cause);
        closeByGateway(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        counters.connectionClosed();
        boolean byGateway = closedByGateway(ctx.channel());
        if (decoder.endedInsideFrame() && !byGateway) {
            counters.truncatedFrame();
        }
        if (stream != null) {
            stream.end(failure != null ? failure
                    : byGateway ? TcpRtpCloseReason.CLOSED_LOCALLY : TcpRtpCloseReason.PEER_CLOSED);
        }
        ctx.fireChannelInactive();
    }

    private static boolean closedByGateway(Channel channel) {
        return channel.hasAttr(CLOSED_BY_GATEWAY);
    }
}
