package io.gbgate.media.flv;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AAC (ADTS from FFmpeg's encoder) next to the camera's H.264: a subscriber that joined before any
 * audio gets the AAC sequence header in band, and FFmpeg decodes both tracks.
 */
@ExtendWith(NettyLeakGuard.class)
class FlvAacTest {
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;

    @BeforeAll
    static void paranoid() {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @Test
    void aacStartingAfterTheSubscriberJoinedIsAnnouncedInBandAndDecodes() throws Exception {
        AnnexBAccessUnits video = AnnexBAccessUnits.cameraD1();
        List<byte[]> aac = AacTestAudio.adtsFrames(4);
        int frames = 100;
        try (FlvSink sink = new FlvSink(FlvSinkSettings.defaults(), alloc)) {
            CollectingSubscriber viewer = CollectingSubscriber.immediate();
            sink.subscribe(viewer);
            int audioIndex = 0;
            for (int i = 0; i < frames; i++) {
                long videoPts = i * AnnexBAccessUnits.FRAME_TICKS;
                feed(sink, video.accessUnit(i, videoPts, alloc));
                while (audioIndex < aac.size() && audioPts(audioIndex) < videoPts + AnnexBAccessUnits.FRAME_TICKS) {
                    if (i > 0) { // the first audio arrives after the stream head went out
                        byte[] frame = aac.get(audioIndex);
                        feed(sink, new AccessUnit(Codec.AAC, audioPts(audioIndex), audioPts(audioIndex), false,
                                alloc.buffer(frame.length).writeBytes(frame)));
                    }
                    audioIndex++;
                }
            }
            sink.close();
            assertThat(sink.stats().unitsMalformed()).isZero();

            FlvFile file = FlvFile.parse(viewer.bytes());
            assertThat(file.flags()).as("no audio known when the head was written").isEqualTo(0x01);
            List<FlvFile.Tag> audio = file.audio();
            assertThat(audio.get(0).body()).as("AAC sequence header, AAC LC 44.1 kHz mono")
                    .containsExactly(0xAF, 0x00, 0x12, 0x08);
            assertThat(audio.subList(1, audio.size())).allSatisfy(tag -> {
                assertThat(tag.body()[0]).isEqualTo((byte) 0xAF);
                assertThat(tag.body()[1]).as("raw AAC frame").isEqualTo((byte) 1);
            });
            for (int i = 2; i < audio.size(); i++) {
                assertThat(audio.get(i).timestamp()).isGreaterThanOrEqualTo(audio.get(i - 1).timestamp());
            }

            FlvDecoding decoded = FlvDecoding.of(viewer.bytes());
            assertThat(decoded.videoFrames()).isEqualTo(frames);
            assertThat(decoded.audioCodec()).isEqualTo("aac");
            assertThat(decoded.sampleRate()).isEqualTo(AacTestAudio.SAMPLE_RATE);
            assertThat(decoded.audioChannels()).isEqualTo(1);
            assertThat(decoded.audioFrames()).isGreaterThan(audio.size() / 2);
        }
    }

    private static long audioPts(int index) {
        return index * 1024L * 90_000 / AacTestAudio.SAMPLE_RATE;
    }

    private static void feed(FlvSink sink, AccessUnit unit) {
        try {
            sink.onAccessUnit(unit);
        } finally {
            unit.release();
        }
    }
}
