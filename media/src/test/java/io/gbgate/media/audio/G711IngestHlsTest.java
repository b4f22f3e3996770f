package io.gbgate.media.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.codec.CameraTestData;
import io.gbgate.media.hls.AnnexBAccessUnits;
import io.gbgate.media.hls.HlsSegment;
import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hls.HlsSettings;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.ingest.IngestObserver;
import io.gbgate.media.ingest.PsOverRtpIngest;
import io.gbgate.media.ps.PsMuxer;
import io.gbgate.media.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A camera's PS with H.264 video and G.711 A-law audio through the ingest with the AAC conversion on: the
 * MPEG-TS HLS segments, the first one included, carry the video and an AAC track that FFmpeg decodes to the
 * camera's sound, while the G.711 still reaches the hub for the outputs that take it (WebRTC).
 */
@ExtendWith(NettyLeakGuard.class)
class G711IngestHlsTest {
    private static final InetSocketAddress CAMERA = new InetSocketAddress("127.0.0.1", 15060);

    @Test
    void g711FromTheCameraIsHeardInTheHlsSegments() throws Exception {
        AnnexBAccessUnits video = AnnexBAccessUnits.cameraD1();
        byte[] alaw = Files.readAllBytes(CameraTestData.cameraPsDirectory().resolve("gb-audio.g711a"));
        StreamHub hub = new StreamHub("g711");
        HlsSegmenter segmenter = new HlsSegmenter(HlsSettings.defaults(), PooledByteBufAllocator.DEFAULT);
        int[] g711Units = new int[1];
        hub.addSink(segmenter);
        hub.addSink(new io.gbgate.media.hub.StreamSink() {
            @Override
            public void onAccessUnit(AccessUnit unit) {
                g711Units[0] += unit.codec() == Codec.G711A ? 1 : 0;
            }

            @Override
            public void onStreamClosed(String reason) {
            }
        });
        PsOverRtpIngest ingest = new PsOverRtpIngest(hub, PooledByteBufAllocator.DEFAULT, IngestObserver.NONE, true);
        PsMuxer muxer = new PsMuxer(Codec.H264, Codec.G711A);
        long start = 900_000;
        int frames = 10 * 25; // 10 s
        int audioAt = 0;
        for (int i = 0; i < frames; i++) {
            long pts = start + i * AnnexBAccessUnits.FRAME_TICKS;
            feed(ingest, muxer, video.accessUnit(i, pts, PooledByteBufAllocator.DEFAULT), i);
            for (int k = 0; k < 2; k++) { // two 20 ms G.711 units per 40 ms picture
                long audioPts = start + (audioAt / 160) * 1800L;
                feed(ingest, muxer, new AccessUnit(Codec.G711A, audioPts, audioPts, true,
                        Unpooled.wrappedBuffer(alaw, audioAt, 160)), i);
                audioAt += 160;
            }
        }
        assertThat(ingest.aacFromG711().framesOut()).isGreaterThan(70);
        assertThat(g711Units[0]).as("the G.711 itself still reaches the hub").isEqualTo(2 * frames);
        segmenter.onStreamClosed("done");

        // the first segment opened at the first keyframe, before the encoder's first AAC frame, and was muxed again
        // with the audio track when that came: players that set up their tracks from it get the sound
        DecodedAudio first = DecodedAudio.of(ByteBufUtil.getBytes(segmenter.segment(0).orElseThrow().data()),
                "mpegts", 0);
        assertThat(first.codec()).isEqualTo("aac");
        assertThat(first.samples().length / 8000.0).as("sound from its first few hundred ms on")
                .isGreaterThan(segmenter.segment(0).orElseThrow().durationSeconds() - 0.6);
        HlsSegment segment = segmenter.segment(1).orElseThrow();
        byte[] ts = ByteBufUtil.getBytes(segment.data());
        ingest.close();
        segmenter.close();
        hub.close("done");
        DecodedAudio audio = DecodedAudio.of(ts, "mpegts", 0);
        assertThat(audio.codec()).isEqualTo("aac");
        assertThat(audio.sampleRate()).isEqualTo(8000);
        double seconds = audio.samples().length / 8000.0;
        assertThat(seconds).as("about the segment's duration of sound").isBetween(segment.durationSeconds() - 0.5,
                segment.durationSeconds() + 0.5);
        assertThat(DecodedAudio.rms(audio.samples(), 0, audio.samples().length)).as("not silence")
                .isGreaterThan(100);
    }

    private static int sequence;

    /** Muxes {@code unit} into PS and hands it to the ingest as one RTP packet (marker set), then releases it. */
    private static void feed(PsOverRtpIngest ingest, PsMuxer muxer, AccessUnit unit, int frame) {
        ByteBuf ps = muxer.mux(unit, PooledByteBufAllocator.DEFAULT);
        try {
            RtpHeader header = new RtpHeader(96, true, sequence++ & 0xFFFF, unit.pts(), 0x1234, 0, ps.readableBytes());
            ingest.onPacket(header, ps, CAMERA);
        } finally {
            ps.release();
            unit.release();
        }
    }
}
