package io.gbgate.gateway.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Debian Chromium driven over the DevTools protocol (no WebDriver, no Node): started with
 * {@code --remote-debugging-port=0}, the DevTools WebSocket URL is read from its stderr
 * ("DevTools listening on ws://..."), pages are opened with {@code Target.createTarget} and attached
 * in flat mode. {@link #close()} closes the browser and kills whatever of its process tree is left.
 *
 * <p>Tests that need it call {@link #launch()}, which skips them (JUnit assumption) when
 * {@code /usr/bin/chromium} (or {@code -Dgbgate.chromium=<path>}) is not installed.
 *
 * <p>Flags, and why:
 * <ul>
 *   <li>{@code --headless=new}: the full browser without a display (same media stack as headed);
 *       {@code --disable-gpu}: software decoding and compositing, no GPU in CI.</li>
 *   <li>{@code --no-sandbox}: CI containers run as root, where Chromium refuses its sandbox;
 *       {@code --disable-dev-shm-usage}: containers have a tiny {@code /dev/shm}.</li>
 *   <li>{@code --remote-debugging-port=0}: a free port, announced on stderr; {@code --user-data-dir}: a
 *       fresh temporary profile per launch, deleted afterwards.</li>
 *   <li>{@code --autoplay-policy=no-user-gesture-required}: {@code video.play()} without a click.</li>
 *   <li>{@code --disable-background-networking}, {@code --no-first-run}, {@code --mute-audio}: no
 *       traffic, prompts or sound that have nothing to do with the test.</li>
 *   <li>{@code --allow-loopback-in-peer-connection}: WebRTC. In the tests the gateway's only ICE
 *       candidate is its ICE-lite host candidate on 127.0.0.1, and Chromium leaves loopback interfaces
 *       out of its own candidate gathering by default. On a host with any other interface that still
 *       works (measured: the WHEP test passes here without the flag): Chromium's checks leave from e.g.
 *       192.0.2.2 for 127.0.0.1, Linux carries traffic between two local addresses over {@code lo}, and
 *       the gateway answers the peer-reflexive address. In a network namespace with nothing but
 *       {@code lo} (containers run with {@code --network none}) Chromium would have no candidate at
 *       all and ICE could not start; the flag adds a 127.0.0.1 host candidate, so the tests do not
 *       depend on the CI machine's interfaces. Chromium's mDNS obfuscation of its candidates needs no
 *       flag: an ICE-lite gateway never connects to the browser's candidates, it answers its checks.</li>
 * </ul>
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    private static final int STDERR_LINES_KEPT = 200;

    private final Process process;
    private final Path profile;
    private final CdpConnection cdp;
    private final Deque<String> stderr;

    private HeadlessChromium(Process process, Path profile, CdpConnection cdp, Deque<String> stderr) {
        this.process = process;
        this.profile = profile;
        this.cdp = cdp;
        this.stderr = stderr;
    }

    /** The browser binary: {@code -Dgbgate.chromium}, else {@code /usr/bin/chromium}. */
    public static Path executable() {
        return Path.of(System.getProperty("gbgate.chromium", "/usr/bin/chromium"));
    }

    /** Starts Chromium; skips the calling test when it is not installed. */
    public static HeadlessChromium launch() throws IOException, InterruptedException {
        Path binary = executable();
        Assumptions.assumeTrue(Files.isExecutable(binary), "headless Chromium not installed at " + binary
                + " (Debian: apt-get install chromium; other path: -Dgbgate.chromium=...): browser test skipped");
        Path profile = Files.createTempDirectory("gbgate-chromium");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--autoplay-policy=no-user-gesture-required",
                "--disable-background-networking", "--no-first-run", "--mute-audio",
                "--allow-loopback-in-peer-connection", "about:blank"));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Deque<String> stderr = new ArrayDeque<>();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread reader = new Thread(() -> readStderr(process, stderr, endpoint), "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        URI devtools;
        try {
            devtools = endpoint.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            kill(process);
            deleteQuietly(profile);
            throw new IllegalStateException("Chromium did not announce its DevTools endpoint within "
                    + START_LIMIT.toSeconds() + " s; stderr:\n" + String.join("\n", snapshot(stderr)), e);
        }
        return new HeadlessChromium(process, profile, CdpConnection.open(devtools), stderr);
    }

    /** Opens a new blank page. */
    public BrowserPage newPage() {
        Duration limit = Duration.ofSeconds(20);
        String targetId = cdp.send(null, "Target.createTarget", CdpConnection.params().put("url", "about:blank"), limit)
                .get("targetId").asText();
        JsonNode attached = cdp.send(null, "Target.attachToTarget",
                CdpConnection.params().put("targetId", targetId).put("flatten", true), limit);
        return new BrowserPage(cdp, attached.get("sessionId").asText());
    }

    /** The browser's version string, e.g. "Chrome/156.0.8078.114". */
    public String version() {
        return cdp.send(null, "Browser.getVersion", null, Duration.ofSeconds(10)).path("product").asText();
    }

    /** The last lines Chromium wrote to stderr (for diagnosing a failed test). */
    public String stderrTail() {
        return String.join("\n", snapshot(stderr));
    }

    @Override
    public void close() {
        try {
            cdp.send(null, "Browser.close", null, Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            // the browser may already be gone; the kill below makes sure
        }
        cdp.close();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill(process);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(process);
        }
        kill(process); // leftover helpers (zygote, renderers, GPU/utility processes)
        deleteQuietly(profile);
    }

    private static void readStderr(Process process, Deque<String> lines, CompletableFuture<URI> endpoint) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (lines) {
                    lines.addLast(line);
                    if (lines.size() > STDERR_LINES_KEPT) {
                        lines.removeFirst();
                    }
                }
                Matcher matcher = DEVTOOLS.matcher(line);
                if (matcher.find()) {
                    endpoint.complete(URI.create(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        endpoint.completeExceptionally(new IllegalStateException("Chromium exited with " + exitCode(process)));
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    private static List<String> snapshot(Deque<String> lines) {
        synchronized (lines) {
            return new ArrayList<>(lines);
        }
    }

    /** Kills the process and every descendant it started (collected first, so orphans are not missed). */
    private static void kill(Process process) {
        List<ProcessHandle> tree = process.toHandle().descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
