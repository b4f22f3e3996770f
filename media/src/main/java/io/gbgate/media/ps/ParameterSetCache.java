package io.gbgate.media.ps;

import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

/**
 * The latest VPS/SPS/PPS of one video stream, kept so that every keyframe can be made
 * self-contained. Holds its own copies (allocated from the demuxer's allocator); {@link #release()}
 * frees them.
 */
final class ParameterSetCache {
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private final ByteBufAllocator alloc;
    private ByteBuf vps;
    private ByteBuf sps;
    private ByteBuf pps;

    ParameterSetCache(ByteBufAllocator alloc) {
        this.alloc = alloc;
    }

    /** Remembers the parameter sets {@code scan} found in {@code au} when they differ from the cached ones. */
    void remember(ByteBuf au, AccessUnitScan scan) {
        vps = replace(vps, au, scan.vps());
        sps = replace(sps, au, scan.sps());
        pps = replace(pps, au, scan.pps());
    }

    /**
     * A new buffer with all cached parameter sets (each behind a 4-byte start code) followed by
     * {@code au}, or null when the cache cannot complete a keyframe of {@code codec}. Does not
     * release {@code au}.
     */
    ByteBuf prependTo(Codec codec, ByteBuf au) {
        boolean needVps = codec == Codec.H265;
        if (sps == null || pps == null || (needVps && vps == null)) {
            return null;
        }
        int size = 2 * START_CODE.length + sps.readableBytes() + pps.readableBytes() + au.readableBytes()
                + (needVps ? START_CODE.length + vps.readableBytes() : 0);
        ByteBuf out = alloc.buffer(size);
        if (needVps) {
            out.writeBytes(START_CODE).writeBytes(vps, vps.readerIndex(), vps.readableBytes());
        }
        out.writeBytes(START_CODE).writeBytes(sps, sps.readerIndex(), sps.readableBytes());
        out.writeBytes(START_CODE).writeBytes(pps, pps.readerIndex(), pps.readableBytes());
        out.writeBytes(au, au.readerIndex(), au.readableBytes());
        return out;
    }

    void release() {
        vps = releaseQuietly(vps);
        sps = releaseQuietly(sps);
        pps = releaseQuietly(pps);
    }

    private ByteBuf replace(ByteBuf cached, ByteBuf au, long range) {
        if (range == AccessUnitScan.ABSENT) {
            return cached;
        }
        int offset = AccessUnitScan.offset(range);
        int length = AccessUnitScan.length(range);
        if (cached != null && cached.readableBytes() == length
                && ByteBufUtil.equals(cached, cached.readerIndex(), au, offset, length)) {
            return cached;
        }
        releaseQuietly(cached);
        return alloc.buffer(length, length).writeBytes(au, offset, length);
    }

    private static ByteBuf releaseQuietly(ByteBuf buf) {
        if (buf != null) {
            buf.release();
        }
        return null;
    }
}
