package io.gbgate.gateway.loadtest;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "every camera plays" load harness: starts (or attaches to) a gateway, registers N simulated
 * channels on NVR-style devices that loop one H.264 recording (by default 1080p25 at ~1.8 Mb/s), plays them all over the
 * REST API (a share over TCP passive), measures each stream's time to its first HLS segment, then
 * samples the gateway's CPU, memory and RTP loss while everything plays, prints the figures and
 * stops everything.
 *
 * <pre>
 * java -cp gateway/target/gbgate.jar -Dloader.main=io.gbgate.gateway.loadtest.LoadHarness \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --streams=200 --tcp-share=0.2
 * </pre>
 */
public final class LoadHarness {
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(120);
    private static final int STOP_CONCURRENCY = 32;

    private final HarnessOptions options;
    private final Path workDir;

    private LoadHarness(HarnessOptions options, Path workDir) {
        this.options = options;
        this.workDir = workDir;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.print(HarnessOptions.usage());
            return;
        }
        HarnessOptions options;
        try {
            options = HarnessOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        quietLogging();
        Path workDir = Files.createTempDirectory("gbgate-load");
        boolean everyStreamPlayed;
        try {
            everyStreamPlayed = new LoadHarness(options, workDir).run();
        } catch (Exception e) {
            System.err.println("load run aborted: " + e);
            e.printStackTrace();
            everyStreamPlayed = false;
        }
        if (everyStreamPlayed) {
            deleteTree(workDir);
        } else {
            System.out.println("[harness] not every stream played: work directory (gateway.log) kept in " + workDir);
        }
        System.exit(everyStreamPlayed ? 0 : 1);
    }

    /** Runs once; true when the figures were printed, everything stopped and every stream had played. */
    private boolean run() throws Exception {
        LoadRecording.Loaded recording = options.psFile() != null
                ? LoadRecording.load(options.psFile())
                : LoadRecording.generate(options.recording(), workDir.resolve("recording.ps"));
        say("recording: %s, %.2f Mb/s", recording.description(), recording.bitsPerSecond() / 1e6);
        HarnessOptions.GatewayOptions gatewayOptions = options.gateway();
        ExecutorService http = Executors.newFixedThreadPool(4, new DefaultThreadFactory("load-http", true));
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(2,
                new DefaultThreadFactory("load-timers", true));
        try (GatewayProcess gateway = gatewayOptions.attach() ? GatewayProcess.attach(gatewayOptions)
                : GatewayProcess.start(gatewayOptions, options.tcpStreams(), workDir);
             CameraFleet fleet = new CameraFleet()) {
            say("gateway: %s%s", gateway.description(),
                    gateway.logFile() == null ? "" : "; log " + gateway.logFile());
            GatewayApi api = new GatewayApi(gateway.url(), gatewayOptions.token(), http);
            fleet.start(CameraFleet.plan(gatewayOptions.sipDomain(), options.streams(), options.channelsPerDevice()),
                    gatewayOptions, gateway.sipPort(), recording.file());
            fleet.awaitRegistered(api, REGISTER_TIMEOUT);
            List<String> channels = fleet.channelIds();
            say("%d devices registered, %d channels in the catalog", fleet.deviceCount(), channels.size());
            Thread.sleep(2000); // let start-up garbage settle before the memory baseline
            long baselineRssKb = ProcFs.rssKb(gateway.pid());

            StreamPlays plays = new StreamPlays(api, timers, Duration.ofSeconds(options.segmentTimeoutSeconds()),
                    Duration.ofSeconds(options.touchSeconds()));
            long playStart = System.nanoTime();
            List<StreamPlays.Outcome> outcomes = plays.playAll(channels, options::playsOverTcp,
                    options.playConcurrency());
            say("plays done in %.1f s: %d playing, %d failed", (System.nanoTime() - playStart) / 1e9,
                    outcomes.stream().filter(StreamPlays.Outcome::playing).count(),
                    outcomes.stream().filter(o -> !o.playing()).count());
            try {
                say("measuring for %d s", options.measureSeconds());
                LoadWindow window = LoadWindow.measure(gateway.pid(), options.measureSeconds(), api, channels);
                LoadReport report = new LoadReport(options, gateway.description(), recording, fleet.deviceCount(),
                        outcomes, baselineRssKb, window, plays.touchFailures(), loadAverage());
                System.out.print(report.format());
            } finally {
                int stopped = plays.stopAll(outcomes, STOP_CONCURRENCY);
                say("stopped %d streams; closing %d devices%s", stopped, fleet.deviceCount(),
                        gatewayOptions.attach() ? "" : " and the gateway");
            }
            return outcomes.stream().allMatch(StreamPlays.Outcome::playing);
        } finally {
            timers.shutdownNow();
            http.shutdownNow();
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf("[harness] " + format + "%n", args);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The simulated devices' SIP stacks and netty log chatty at DEBUG; the harness wants its figures. */
    static void quietLogging() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext logback) {
            logback.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
            logback.getLogger("gov.nist").setLevel(Level.ERROR); // TLS defaults nobody uses here
        }
        avutil.av_log_set_level(avutil.AV_LOG_ERROR); // libopenh264's rate-control notes
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
