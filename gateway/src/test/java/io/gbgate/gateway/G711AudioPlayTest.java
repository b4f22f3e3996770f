package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.G711Tone;
import io.gbgate.gateway.simulator.MuxedFeed;
import io.gbgate.gateway.simulator.TestPatternFeed;
import io.gbgate.media.source.TestPatternConfig;
import io.gbgate.sip.stack.SipTransport;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayInputStream;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;

/**
 * A camera with a microphone (a simulated one sending a 1 kHz tone as G.711 A-law in its PS): the live
 * MPEG-TS HLS carries the sound as AAC, and FFmpeg hears the tone at the right pitch.
 */
class G711AudioPlayTest extends GatewayTestBase {
    private static final double TONE_HZ = 1000;

    @Test
    void aCamerasG711IsHeardInTheLiveHls() throws Exception {
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), () -> new MuxedFeed(
                new TestPatternFeed(TestPatternConfig.of("tone", 320, 240, 25), FEEDS), PooledByteBufAllocator.DEFAULT,
                new G711Tone(TONE_HZ)));
        JsonNode play = api().post("/api/channels/" + ids[1] + "/play").json();
        String hls = play.get("hls").asText();
        String dir = hls.substring(0, hls.indexOf("index.m3u8"));

        List<String> segments = new ArrayList<>();
        Awaiting.until(Duration.ofSeconds(30), "two segments listed", () -> {
            segments.clear();
            for (String line : api().getWithoutToken(hls).body().split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    segments.add(line.trim());
                }
            }
            return segments.size() >= 2;
        });
        // the first segment opened before the first AAC frame existed; the second carries sound
        byte[] ts = api().bytes(dir + segments.get(1));

        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        List<Short> samples = new ArrayList<>();
        String codec;
        int sampleRate;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(new ByteArrayInputStream(ts), 0)) {
            grabber.setFormat("mpegts");
            grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_S16);
            grabber.start();
            codec = grabber.getAudioCodecName();
            sampleRate = grabber.getSampleRate();
            Frame frame;
            while ((frame = grabber.grabSamples()) != null) {
                ShortBuffer buffer = (ShortBuffer) frame.samples[0];
                while (buffer.hasRemaining()) {
                    samples.add(buffer.get());
                }
            }
        }
        assertThat(codec).isEqualTo("aac");
        assertThat(sampleRate).isEqualTo(8000);
        double seconds = samples.size() / 8000.0;
        assertThat(seconds).as("sound for most of the segment").isGreaterThan(1.5);
        int crossings = 0;
        for (int i = 1; i < samples.size(); i++) {
            if ((samples.get(i - 1) < 0) != (samples.get(i) < 0)) {
                crossings++;
            }
        }
        assertThat(crossings / 2.0 / seconds).as("pitch heard in Hz").isBetween(TONE_HZ * 0.97, TONE_HZ * 1.03);
        assertThat(api().get("/api/streams/" + play.get("streamId").asText()).json().get("audio").asText())
                .isEqualTo("G711A (AAC made of it for HLS and recordings)");
        api().delete("/api/channels/" + ids[1] + "/play");
    }
}
