package io.gbgate.media.hls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Test helper: feeds synthetic access units (structurally valid Annex B, not decodable) into a
 * sink and releases them as a publisher would.
 */
final class SyntheticStream {
    private final ByteBufAllocator allocator;
    private final HlsSegmenter segmenter;

    SyntheticStream(ByteBufAllocator allocator, HlsSegmenter segmenter) {
        this.allocator = allocator;
        this.segmenter = segmenter;
    }

    /** A video frame of {@code size} bytes: IDR when {@code keyframe}, else a P slice. */
    void video(boolean keyframe, long pts, int size) {
        byte[] bytes = new byte[Math.max(size, 6)];
        bytes[3] = 1;
        bytes[4] = (byte) (keyframe ? 0x65 : 0x41);
        for (int i = 5; i < bytes.length; i++) {
            bytes[i] = (byte) (0x80 | (i & 0x3F));
        }
        ByteBuf data = allocator.buffer(bytes.length).writeBytes(bytes);
        offer(new AccessUnit(Codec.H264, pts, pts, keyframe, data));
    }

    void video(boolean keyframe, long pts) {
        video(keyframe, pts, 1200);
    }

    /** {@code count} frames at 25 fps from {@code firstPts}, a keyframe every {@code gop}. */
    void frames(int count, long firstPts, int gop) {
        for (int i = 0; i < count; i++) {
            video(i % gop == 0, firstPts + i * AnnexBAccessUnits.FRAME_TICKS);
        }
    }

    void audio(Codec codec, long pts) {
        ByteBuf data = allocator.buffer(160);
        if (codec == Codec.AAC) {
            data.writeShort(0xFFF1); // ADTS sync word
        }
        data.writeZero(160 - data.readableBytes());
        offer(new AccessUnit(codec, pts, pts, false, data));
    }

    void offer(AccessUnit unit) {
        try {
            segmenter.onAccessUnit(unit);
        } finally {
            unit.release();
        }
    }
}
