package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.util.List;

/**
 * The {@link Rfc4571#newFrameDecoder() RFC 4571 frame decoder} (frames are retained slices of the
 * read buffers, no copy) that also tells whether the connection ended inside a frame. A frame can
 * never exceed {@value Rfc4571#MAX_PACKET_BYTES} bytes: the 16-bit length cannot say more.
 */
final class TcpRtpFrameDecoder extends LengthFieldBasedFrameDecoder {
    private boolean endedInsideFrame;

    TcpRtpFrameDecoder() {
        super(Rfc4571.MAX_PACKET_BYTES + Rfc4571.LENGTH_PREFIX_BYTES,
                0, Rfc4571.LENGTH_PREFIX_BYTES, 0, Rfc4571.LENGTH_PREFIX_BYTES);
    }

    /**
     * True when the input ended with a partial frame, which was discarded. Sticky: Netty may call
     * {@link #decodeLast} again with an empty buffer (input shutdown, then inactive), which must not
     * hide a truncation seen before.
     */
    boolean endedInsideFrame() {
        return endedInsideFrame;
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        super.decodeLast(ctx, in, out);
        endedInsideFrame |= in.isReadable(); // only bytes no complete frame could take
    }
}
