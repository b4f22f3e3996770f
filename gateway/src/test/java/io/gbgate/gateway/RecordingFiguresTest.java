package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.simulator.PsFile;
import io.gbgate.gateway.simulator.PsFileFeed;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.sip.stack.SipTransport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 5's figures, printed as FIGURE lines: clip export speed, recording CPU per stream and bytes written per
 * stream-hour. Opt-in ({@code -Dgbgate.figures=true}): they take minutes and load the machine.
 */
@EnabledIfSystemProperty(named = "gbgate.figures", matches = "true")
class RecordingFiguresTest extends GatewayTestBase {
    private static final int STREAMS = 10;
    private static final Duration CPU_WINDOW = Duration.ofSeconds(30);
    /** USER_HZ of /proc/self/stat times on Linux. */
    private static final long CLOCK_TICKS = 100;

    @Autowired
    private StreamService streams;
    @Autowired
    private GbgateProperties props;

    @Test
    void exportSpeedOfASixtySecondClip() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("fig", 640, 360));
        Instant start = Instant.now();
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}");
        String window = "?from=" + start.minusSeconds(60) + "&to=" + start.plusSeconds(3600);
        Awaiting.until(Duration.ofSeconds(120), "62 s recorded", () -> {
            JsonNode ranges = api().get("/api/channels/" + channel + "/recordings" + window).json().get("ranges");
            return ranges.size() == 1 && Duration.between(Instant.parse(ranges.get(0).get("from").asText()),
                    Instant.parse(ranges.get(0).get("to").asText())).toSeconds() >= 62;
        });
        Instant from = Instant.parse(api().get("/api/channels/" + channel + "/recordings" + window).json()
                .get("ranges").get(0).get("from").asText()).plusMillis(500);
        long t0 = System.nanoTime();
        String id = api().post("/api/clips", "{\"channelId\":\"" + channel + "\",\"from\":\"" + from + "\",\"to\":\""
                + from.plusSeconds(60) + "\"}").json().get("clipId").asText();
        Awaiting.until(Duration.ofSeconds(60), "clip ready",
                () -> "ready".equals(api().get("/api/clips/" + id).json().get("state").asText()));
        double wall = (System.nanoTime() - t0) / 1e9;
        JsonNode clip = api().get("/api/clips/" + id).json();
        double video = clip.get("durationMs").asLong() / 1000.0;
        System.out.printf("FIGURE clip export: %.1f s of video (%d bytes, 640x360 test pattern) in %.2f s wall"
                + " (submit to ready, polled every 100 ms): %.0f s of video per s%n",
                video, clip.get("bytes").asLong(), wall, video / wall);
        assertThat(video).isBetween(59.0, 61.5);
        api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
    }

    @Test
    void recordingCpuAndBytesPerStream() throws Exception {
        PsFile d1 = PsFile.load(testData("d1-h264-704x576.ps"));
        double sourceKbps = Files.size(d1.path()) * 8.0 / (d1.loopTicks() / 90_000.0) / 1000;
        List<String> channels = new ArrayList<>();
        for (int i = 0; i < STREAMS; i++) {
            String[] ids = newIds();
            camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), () -> new PsFileFeed(d1, FEEDS));
            channels.add(ids[1]);
        }
        for (String channel : channels) {
            streams.hold(channel, "figures").get(20, TimeUnit.SECONDS);
        }
        Thread.sleep(5000); // settle
        double idle = cpuSeconds(CPU_WINDOW);

        Instant recordFrom = Instant.now();
        for (String channel : channels) {
            api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}");
        }
        Awaiting.until(Duration.ofSeconds(30), "all recording", () -> {
            String status = api().get("/api/recording").json().get("channels").toString();
            return channels.stream().allMatch(status::contains)
                    && !status.contains("\"starting\"") && !status.contains("\"waiting\"");
        });
        Thread.sleep(5000);
        double recording = cpuSeconds(CPU_WINDOW);
        for (String channel : channels) {
            api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"off\"}");
        }
        Thread.sleep(2000); // last segments written
        long bytes = 0;
        double recordedSeconds = 0;
        for (String channel : channels) {
            bytes += directorySize(props.dataDir().resolve("recordings").resolve(channel));
            for (JsonNode range : api().get("/api/channels/" + channel + "/recordings?from=" + recordFrom.minusSeconds(60)
                    + "&to=" + Instant.now().plusSeconds(60)).json().get("ranges")) {
                recordedSeconds += Duration.between(Instant.parse(range.get("from").asText()),
                        Instant.parse(range.get("to").asText())).toMillis() / 1000.0;
            }
            streams.release(channel, "figures");
        }
        double perStream = (recording - idle) / CPU_WINDOW.toSeconds() / STREAMS;
        System.out.printf("FIGURE recording CPU: %d streams of d1 704x576 (%.0f kbit/s) held: %.1f%% of a core; "
                        + "recording them too: %.1f%%; recording costs %.2f%% of a core per stream%n", STREAMS,
                sourceKbps, 100 * idle / CPU_WINDOW.toSeconds(), 100 * recording / CPU_WINDOW.toSeconds(),
                100 * perStream);
        System.out.printf("FIGURE bytes written: %d bytes for %.0f s of recording = %.0f MB per stream-hour at %.0f"
                + " kbit/s (%.1f%% over the source bit rate)%n", bytes, recordedSeconds,
                bytes / recordedSeconds * 3600 / 1e6, sourceKbps,
                100 * (bytes * 8 / recordedSeconds / 1000 / sourceKbps - 1));
        assertThat(recordedSeconds).isGreaterThan(STREAMS * 20.0);
    }

    /** Process CPU (user + system) spent during {@code window}, from /proc/self/stat. */
    private static double cpuSeconds(Duration window) throws Exception {
        long before = processTicks();
        Thread.sleep(window.toMillis());
        return (processTicks() - before) / (double) CLOCK_TICKS;
    }

    private static long processTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }

    private static long directorySize(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
