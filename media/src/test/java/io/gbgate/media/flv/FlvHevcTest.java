package io.gbgate.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.fmp4.SyntheticHevc;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * H.265 as enhanced RTMP/FLV: sequence start and coded frames with the {@code hvc1} FourCC. Only
 * the framing is checked; no HEVC encoder is available to make a decodable stream.
 */
@ExtendWith(NettyLeakGuard.class)
class FlvHevcTest {

    private static final int HVC1 = 0x68766331;

    @Test
    void hevcTravelsAsEnhancedFlvWithHvc1() {
        FlvMuxer muxer = new FlvMuxer();
        ByteBuf body = PooledByteBufAllocator.DEFAULT.buffer();
        assertThat(write(muxer, SyntheticHevc.keyframe(1_000), body)).isEqualTo(FlvMuxer.Outcome.KEYFRAME);
        assertThat(write(muxer, SyntheticHevc.interFrame(4_600), body)).isEqualTo(FlvMuxer.Outcome.VIDEO);
        ByteBuf file = PooledByteBufAllocator.DEFAULT.buffer();
        muxer.writeStreamHead(file);
        file.writeBytes(body);
        body.release();
        FlvFile flv = FlvFile.parse(ByteBufUtil.getBytes(file));
        file.release();
        List<FlvFile.Tag> video = flv.video();
        assertThat(video).hasSize(3);
        ByteBuffer start = ByteBuffer.wrap(video.get(0).body());
        assertThat(start.get() & 0xFF).as("ex header, keyframe, SequenceStart").isEqualTo(0x90);
        assertThat(start.getInt()).isEqualTo(HVC1);
        assertThat(start.get()).as("hvcC configurationVersion").isEqualTo((byte) 1);

        ByteBuffer key = ByteBuffer.wrap(video.get(1).body());
        assertThat(key.get() & 0xFF).as("ex header, keyframe, CodedFrames").isEqualTo(0x91);
        assertThat(key.getInt()).isEqualTo(HVC1);
        key.position(key.position() + 3); // composition time
        assertThat(key.getInt()).as("only the slice, behind its length").isEqualTo(SyntheticHevc.IDR_SLICE.length);
        byte[] slice = new byte[key.remaining()];
        key.get(slice);
        assertThat(slice).isEqualTo(SyntheticHevc.IDR_SLICE);
        assertThat(video.get(1).timestamp()).isZero();

        assertThat(video.get(2).body()[0] & 0xFF).as("ex header, inter frame, CodedFrames").isEqualTo(0xA1);
        assertThat(video.get(2).timestamp()).isEqualTo(40);
        assertThat(Arrays.copyOfRange(video.get(2).body(), 1, 5)).containsExactly(0x68, 0x76, 0x63, 0x31);
    }

    private static FlvMuxer.Outcome write(FlvMuxer muxer, AccessUnit unit, ByteBuf out) {
        try {
            return muxer.write(unit, out);
        } finally {
            unit.release();
        }
    }
}
