package io.gbgate.gateway.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.media.webrtc.dtls.DtlsIdentity;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The WebRTC figures: gateway-added latency from a camera's RTP into the gateway to the SRTP out of
 * it, and gateway CPU per WebRTC viewer with N viewers of one stream. Starts (or attaches to) a
 * gateway as {@link LoadHarness} does, registers one simulated channel looping the load recording,
 * plays it, then:
 * <ol>
 *   <li>latency: the camera's feed stamps {@code nanoTime} just before each picture is packetized
 *       and sent to the gateway's ingest socket; one probe viewer in this JVM decrypts the SRTP and
 *       stamps the arrival of each picture's last packet; pictures are paired by RTP timestamp
 *       ({@link LatencyMatcher}). The figure is an upper bound of the gateway's share: it includes
 *       two loopback hops and this JVM's receive-thread wake-up;</li>
 *   <li>CPU: the gateway process's CPU time ({@code /proc/<pid>/stat}) over the measuring window with
 *       the stream playing and no viewer, then again with N viewers (each completed ICE and DTLS and
 *       keeps receiving SRTP), the difference divided by N.</li>
 * </ol>
 *
 * <pre>
 * java -cp gateway/target/gbgate.jar -Dloader.main=io.gbgate.gateway.loadtest.WebRtcHarness \
 *      org.springframework.boot.loader.launch.PropertiesLauncher --viewers=100
 * </pre>
 * Other options are those of {@link LoadHarness} (recording, gateway, {@code --measure-seconds});
 * {@code --streams} is always 1.
 */
public final class WebRtcHarness {
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(120);
    private static final long WARM_UP_MILLIS = 3000;

    private WebRtcHarness() {
    }

    public static void main(String[] args) throws Exception {
        int viewers = 100;
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--viewers=")) {
                viewers = Integer.parseInt(arg.substring("--viewers=".length()));
            } else if (arg.equals("--help")) {
                System.out.print("--viewers=N (default 100), then the load harness options:\n" + HarnessOptions.usage());
                return;
            } else {
                rest.add(arg);
            }
        }
        rest.add("--streams=1");
        rest.add("--tcp-share=0");
        if (rest.stream().noneMatch(a -> a.startsWith("--gateway-args="))) {
            rest.add("--gateway-args=--gbgate.webrtc.port=" + freePort() + " --gbgate.webrtc.tcp.port=" + freePort());
        }
        HarnessOptions options = HarnessOptions.parse(rest.toArray(String[]::new));
        LoadHarness.quietLogging();
        Path workDir = Files.createTempDirectory("gbgate-webrtc-load");
        boolean ok = false;
        try {
            ok = run(options, viewers, workDir);
        } catch (Exception e) {
            System.err.println("WebRTC run aborted: " + e);
            e.printStackTrace();
        }
        if (!ok) {
            System.out.println("[webrtc] run incomplete: work directory (gateway.log) kept in " + workDir);
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(HarnessOptions options, int viewerCount, Path workDir) throws Exception {
        LoadRecording.Loaded recording = options.psFile() != null
                ? LoadRecording.load(options.psFile())
                : LoadRecording.generate(options.recording(), workDir.resolve("recording.ps"));
        say("recording: %s, %.2f Mb/s", recording.description(), recording.bitsPerSecond() / 1e6);
        HarnessOptions.GatewayOptions gatewayOptions = options.gateway();
        ExecutorService executor = Executors.newFixedThreadPool(4, new DefaultThreadFactory("webrtc-http", true));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).executor(executor).build();
        SendStamps stamps = new SendStamps();
        List<WhepViewer> viewers = new ArrayList<>();
        try (GatewayProcess gateway = gatewayOptions.attach() ? GatewayProcess.attach(gatewayOptions)
                : GatewayProcess.start(gatewayOptions, 0, workDir);
             CameraFleet fleet = new CameraFleet()) {
            say("gateway: %s", gateway.description());
            GatewayApi api = new GatewayApi(gateway.url(), gatewayOptions.token(), executor);
            fleet.start(CameraFleet.plan(gatewayOptions.sipDomain(), 1, 1), gatewayOptions, gateway.sipPort(),
                    recording.file(), stamps::stamping);
            fleet.awaitRegistered(api, REGISTER_TIMEOUT);
            String channel = fleet.channelIds().get(0);
            GatewayApi.Response played = api.post("/api/channels/" + channel + "/play").join();
            if (played.status() != 200) {
                throw new IllegalStateException("play answered " + played.status() + ": " + played.body());
            }
            JsonNode play = played.json();
            String whep = gateway.url() + play.get("whep").asText();
            Thread.sleep(WARM_UP_MILLIS);
            DtlsIdentity identity = DtlsIdentity.generate("gbgate-load-viewer", new SecureRandom());
            long windowNanos = options.measureSeconds() * 1_000_000_000L;

            say("latency: one probe viewer for %d s", options.measureSeconds());
            LatencyMatcher.Result latency;
            try (WhepViewer probe = WhepViewer.open(http, whep, identity, true)) {
                long start = System.nanoTime() + WARM_UP_MILLIS * 1_000_000L; // after the GOP cache burst
                Thread.sleep(WARM_UP_MILLIS + options.measureSeconds() * 1000L);
                List<long[]> pictures = probe.pictures().stream().filter(p -> p[1] >= start).toList();
                latency = LatencyMatcher.match(stamps.snapshot(), pictures);
            }
            Thread.sleep(WARM_UP_MILLIS);

            say("CPU: %d s with the stream playing and no viewer", options.measureSeconds());
            double idle = cpuPercent(gateway.pid(), windowNanos);

            say("opening %d viewers", viewerCount);
            long openStart = System.nanoTime();
            for (int i = 0; i < viewerCount; i++) {
                viewers.add(WhepViewer.open(http, whep, identity, false));
            }
            say("%d viewers connected (ICE + DTLS) in %.1f s", viewers.size(), (System.nanoTime() - openStart) / 1e9);
            Thread.sleep(WARM_UP_MILLIS);
            long[] before = viewers.stream().mapToLong(WhepViewer::packets).toArray();
            long bytesBefore = viewers.stream().mapToLong(WhepViewer::bytes).sum();
            say("CPU: %d s with %d viewers", options.measureSeconds(), viewerCount);
            double loaded = cpuPercent(gateway.pid(), windowNanos);
            int receiving = 0;
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < viewers.size(); i++) {
                long got = viewers.get(i).packets() - before[i];
                fewest = Math.min(fewest, got);
                receiving += got > 0 ? 1 : 0;
            }
            double mbps = (viewers.stream().mapToLong(WhepViewer::bytes).sum() - bytesBefore) * 8 / 1e6
                    / options.measureSeconds();

            Percentiles.Summary micros = Percentiles.of(latency.latenciesNanos().stream().map(n -> n / 1000).toList());
            System.out.printf("%n=== WebRTC figures (%s, load average %s) ===%n", recording.description(),
                    loadAverage());
            System.out.printf("RTP in -> SRTP out, per picture (last RTP packet sent -> last SRTP packet received):%n"
                    + "  p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d pictures matched, %d not)%n",
                    micros.p50() / 1000.0, micros.p99() / 1000.0, micros.max() / 1000.0, micros.count(),
                    latency.unmatched());
            System.out.printf("gateway CPU, stream playing: %.1f %% of a core with 0 viewers, %.1f %% with %d%n",
                    idle, loaded, viewerCount);
            System.out.printf("CPU per WebRTC viewer: %.3f %% of a core (%d of %d viewers received SRTP in the"
                    + " window, fewest %d packets; %.1f Mb/s SRTP in total)%n",
                    (loaded - idle) / viewerCount, receiving, viewerCount, fewest, mbps);
            viewers.forEach(WhepViewer::close);
            viewers.clear();
            api.delete("/api/channels/" + channel + "/play").join();
            return receiving == viewerCount && micros.count() > 0;
        } finally {
            viewers.forEach(WhepViewer::close);
            executor.shutdownNow();
        }
    }

    private static double cpuPercent(long pid, long windowNanos) throws InterruptedException {
        long ticks = ProcFs.cpuTicks(pid);
        long start = System.nanoTime();
        Thread.sleep(windowNanos / 1_000_000);
        long elapsed = System.nanoTime() - start;
        return ProcFs.percentOfOneCore(ProcFs.cpuTicks(pid) - ticks, elapsed);
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void say(String format, Object... args) {
        System.out.printf("[webrtc] " + format + "%n", args);
    }
}
