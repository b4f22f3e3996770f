package io.gbgate.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.audio.G711ToAac;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Real camera H.264 (704x576, 25 fps) and G.711 A-law through the FLV muxer, demuxed and decoded by FFmpeg. */
@ExtendWith(NettyLeakGuard.class)
class FlvMuxerCameraTest {
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @Test
    void everyFrameDecodesWithRebasedIncreasingTimestamps() throws Exception {
        CameraUnits camera = CameraUnits.video();
        FlvMuxer muxer = new FlvMuxer();
        ByteBuf body = alloc.buffer();
        ByteBuf file = alloc.buffer();
        try {
            camera.play(0, camera.videoFrames(), alloc, unit -> {
                FlvMuxer.Outcome outcome = muxer.write(unit, body);
                assertThat(outcome).isIn(FlvMuxer.Outcome.KEYFRAME, FlvMuxer.Outcome.VIDEO);
            });
            muxer.writeStreamHead(file);
            file.writeBytes(body);
            byte[] flv = ByteBufUtil.getBytes(file);

            FlvFile parsed = FlvFile.parse(flv);
            assertThat(parsed.flags()).as("video only").isEqualTo(0x01);
            assertThat(parsed.tags().get(0).type()).as("onMetaData first").isEqualTo(18);
            assertThat(new String(parsed.tags().get(0).body(), 3, 10, StandardCharsets.US_ASCII))
                    .isEqualTo("onMetaData");
            List<FlvFile.Tag> video = parsed.video();
            assertThat(video.get(0).isAvcSequenceHeader()).isTrue();
            assertThat(video.get(0).body()[5]).as("avcC configurationVersion").isEqualTo((byte) 1);
            assertThat(video).hasSize(camera.videoFrames() + 1);
            assertThat(video.get(1).isAvcKeyframe()).isTrue();
            for (int i = 1; i < video.size(); i++) {
                assertThat(video.get(i).timestamp()).as("tag %d", i).isEqualTo((i - 1) * 40L);
                assertThat(video.get(i).compositionTime()).isZero();
                assertThat(video.get(i).isAvcKeyframe()).isEqualTo(camera.keyframe(i - 1));
            }

            FlvDecoding decoded = FlvDecoding.of(flv);
            assertThat(decoded.videoFrames()).isEqualTo(camera.videoFrames());
            assertThat(decoded.width()).isEqualTo(704);
            assertThat(decoded.height()).isEqualTo(576);
            assertThat(decoded.firstIsKeyframe()).isTrue();
            assertThat(decoded.videoTimesIncrease()).isTrue();
            assertThat(decoded.audioCodec()).isNull();
        } finally {
            body.release();
            file.release();
        }
    }

    @Test
    void interleavedG711AlawDemuxesAsPcmAlaw() throws Exception {
        CameraUnits camera = CameraUnits.videoWithAudio();
        FlvMuxer muxer = new FlvMuxer();
        ByteBuf body = alloc.buffer();
        ByteBuf file = alloc.buffer();
        int frames = 250;
        int[] otherAudio = new int[1];
        // the AAC the gateway makes of the G.711 reaches the muxer too: an FLV stream keeps its first audio codec
        G711ToAac aac = new G711ToAac(alloc, unit -> {
            assertThat(muxer.write(unit, body)).isEqualTo(FlvMuxer.Outcome.OTHER_AUDIO);
            otherAudio[0]++;
        });
        try {
            camera.play(0, frames, alloc, unit -> {
                FlvMuxer.Outcome outcome = muxer.write(unit, body);
                assertThat(outcome).isNotIn(FlvMuxer.Outcome.MALFORMED, FlvMuxer.Outcome.WAITING_FOR_KEYFRAME);
                aac.accept(unit);
            });
            assertThat(otherAudio[0]).isPositive();
            muxer.writeStreamHead(file);
            file.writeBytes(body);
            byte[] flv = ByteBufUtil.getBytes(file);

            FlvFile parsed = FlvFile.parse(flv);
            assertThat(parsed.flags()).as("audio and video").isEqualTo(0x05);
            List<FlvFile.Tag> audio = parsed.audio();
            assertThat(audio).hasSize(frames * 2);
            assertThat(audio).allSatisfy(tag -> {
                assertThat(tag.body()[0]).as("sound format 7, 16-bit flag, mono").isEqualTo((byte) 0x72);
                assertThat(tag.body()).hasSize(1 + CameraUnits.AUDIO_FRAME_BYTES);
            });
            for (int i = 0; i < audio.size(); i++) {
                assertThat(audio.get(i).timestamp()).isEqualTo(i * 20L);
            }

            FlvDecoding decoded = FlvDecoding.of(flv);
            assertThat(decoded.videoFrames()).isEqualTo(frames);
            assertThat(decoded.width()).isEqualTo(704);
            assertThat(decoded.audioCodec()).isEqualTo("pcm_alaw");
            assertThat(decoded.sampleRate()).isEqualTo(8000);
            assertThat(decoded.audioChannels()).isEqualTo(1);
            assertThat(decoded.audioFrames()).isPositive();
        } finally {
            aac.close();
            body.release();
            file.release();
        }
    }

    @Test
    void unitsBeforeTheFirstKeyframeAndBrokenUnitsAreDroppedWithoutOutput() throws Exception {
        CameraUnits camera = CameraUnits.videoWithAudio();
        FlvMuxer muxer = new FlvMuxer();
        ByteBuf out = alloc.buffer();
        try {
            camera.play(10, 25, alloc, unit -> assertThat(muxer.write(unit, out))
                    .isEqualTo(FlvMuxer.Outcome.WAITING_FOR_KEYFRAME));
            assertThat(out.isReadable()).isFalse();
            assertThat(muxer.started()).isFalse();
            assertThat(muxer.audioCodec()).as("audio seen while waiting").isEqualTo(Codec.G711A);

            AccessUnit noPicture = new AccessUnit(Codec.H264, 0, 0, true,
                    Unpooled.wrappedBuffer(new byte[] {0, 0, 0, 1, 0x09, (byte) 0xF0}));
            assertThat(muxer.write(noPicture, out)).isEqualTo(FlvMuxer.Outcome.MALFORMED);
            noPicture.release();
            AccessUnit brokenAdts = new AccessUnit(Codec.AAC, 0, 0, false,
                    Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x7F, 0, 0}));
            assertThat(muxer.write(brokenAdts, out)).isEqualTo(FlvMuxer.Outcome.MALFORMED);
            brokenAdts.release();
            assertThat(out.isReadable()).as("nothing of a broken unit is written").isFalse();

            camera.play(25, 26, alloc, unit -> muxer.write(unit, out));
            assertThat(muxer.started()).isTrue();
            assertThat(FlvFile.parse(concat(muxer, out)).video().get(1).timestamp()).isZero();
        } finally {
            out.release();
        }
    }

    @Test
    void cameraTimestampsJumpingBackwardsStillGiveIncreasingTagTimes() throws Exception {
        AnnexBAccessUnits units = AnnexBAccessUnits.cameraD1();
        FlvMuxer muxer = new FlvMuxer();
        ByteBuf out = alloc.buffer();
        try {
            for (int i = 0; i < 60; i++) {
                // the camera restarts its clock at frame 30
                long pts = i < 30 ? 500_000 + i * AnnexBAccessUnits.FRAME_TICKS : (i - 30) * AnnexBAccessUnits.FRAME_TICKS;
                AccessUnit unit = units.accessUnit(i, pts, alloc);
                try {
                    assertThat(muxer.write(unit, out)).isIn(FlvMuxer.Outcome.KEYFRAME, FlvMuxer.Outcome.VIDEO);
                } finally {
                    unit.release();
                }
            }
            List<FlvFile.Tag> video = FlvFile.parse(concat(muxer, out)).video();
            for (int i = 1; i < video.size(); i++) {
                assertThat(video.get(i).timestamp()).as("tag %d", i).isEqualTo((i - 1) * 40L);
            }
            assertThat(muxer.timestampDiscontinuities()).isEqualTo(1);
        } finally {
            out.release();
        }
    }

    private byte[] concat(FlvMuxer muxer, ByteBuf body) {
        ByteBuf file = alloc.buffer();
        try {
            muxer.writeStreamHead(file);
            file.writeBytes(body, body.readerIndex(), body.readableBytes());
            return ByteBufUtil.getBytes(file);
        } finally {
            file.release();
        }
    }
}
