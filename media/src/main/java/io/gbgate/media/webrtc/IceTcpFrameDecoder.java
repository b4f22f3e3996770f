package io.gbgate.media.webrtc;

import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * RFC 4571 framing of an ICE-TCP connection (RFC 6544 section 3): each packet preceded by its
 * length as a 16-bit big-endian number. Frames come out as retained slices without the prefix;
 * a length above the configured maximum fails at once with a
 * {@link io.netty.handler.codec.TooLongFrameException} (the connection is then closed), before
 * its bytes are buffered.
 */
final class IceTcpFrameDecoder extends LengthFieldBasedFrameDecoder {
    static final int LENGTH_PREFIX_BYTES = 2;

    IceTcpFrameDecoder(int maxFrameBytes) {
        super(maxFrameBytes + LENGTH_PREFIX_BYTES, 0, LENGTH_PREFIX_BYTES, 0, LENGTH_PREFIX_BYTES, true);
    }
}
