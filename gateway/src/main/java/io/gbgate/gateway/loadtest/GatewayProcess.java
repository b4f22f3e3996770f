package io.gbgate.gateway.loadtest;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The gateway under load: either a child process this harness starts ({@code java -jar gbgate.jar}
 * on free loopback ports with a temporary data directory and a fixed API token) or one already
 * running that it attaches to. Closing stops only a child it started.
 */
final class GatewayProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    /** Where the TCP passive port range is searched: below Linux's ephemeral range (32768-60999). */
    private static final int TCP_RANGE_SEARCH_FROM = 21000;
    private static final int TCP_RANGE_SEARCH_TO = 32000;

    private final String url;
    private final long pid;
    private final int sipPort;
    private final String description;
    private final Process child;
    private final Path logFile;

    private GatewayProcess(String url, long pid, int sipPort, String description, Process child, Path logFile) {
        this.url = url;
        this.pid = pid;
        this.sipPort = sipPort;
        this.description = description;
        this.child = child;
        this.logFile = logFile;
    }

    static GatewayProcess attach(HarnessOptions.GatewayOptions options) {
        return new GatewayProcess(options.url(), options.pid(), options.sipPort(),
                "attached to " + options.url() + " (pid " + options.pid() + ", its own JVM options)", null, null);
    }

    /** Starts the gateway jar on free ports and waits until its API answers. */
    static GatewayProcess start(HarnessOptions.GatewayOptions options, int tcpStreams, Path workDir)
            throws IOException, InterruptedException {
        Path jar = options.jar() != null ? options.jar() : defaultJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("gateway jar " + jar.toAbsolutePath() + " not found: build it with"
                    + " 'mvn -o -q -B package -DskipTests' or pass --gateway-jar=");
        }
        int httpPort = freePort();
        int sipPort = freePort();
        int rtpPort = freePort();
        // the gateway takes an even/odd pair per TCP passive stream
        String tcpRange = freeTcpRange(2 * (tcpStreams + tcpStreams / 5) + 20);
        Path dataDir = Files.createDirectories(workDir.resolve("gateway-data"));
        Path log = workDir.resolve("gateway.log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(words(options.jvmOptions()));
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + httpPort,
                "--server.address=127.0.0.1",
                "--gbgate.data-dir=" + dataDir,
                "--gbgate.api.token=" + options.token(),
                "--gbgate.sip.bind-host=127.0.0.1",
                "--gbgate.sip.port=" + sipPort,
                "--gbgate.sip.id=" + options.sipId(),
                "--gbgate.sip.domain=" + options.sipDomain(),
                "--gbgate.sip.password=" + options.sipPassword(),
                "--gbgate.media.ip=127.0.0.1",
                "--gbgate.media.bind-host=127.0.0.1",
                "--gbgate.media.rtp-port=" + rtpPort,
                "--gbgate.media.tcp-port-range=" + tcpRange,
                "--gbgate.demo.cameras=0"));
        command.addAll(words(options.extraArgs()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String url = "http://127.0.0.1:" + httpPort;
        GatewayProcess gateway = new GatewayProcess(url, process.pid(), sipPort,
                "child pid " + process.pid() + ", JVM options '" + options.jvmOptions() + "', HTTP " + httpPort
                        + ", SIP " + sipPort + ", RTP/UDP " + rtpPort + ", RTP/TCP " + tcpRange, process, log);
        try {
            gateway.awaitApi(options.token());
        } catch (IOException | RuntimeException | InterruptedException e) {
            gateway.close();
            throw e;
        }
        return gateway;
    }

    /** The jar this harness runs from ({@code java -cp gbgate.jar ...}), else gateway/target/gbgate.jar. */
    private static Path defaultJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            return Path.of(classPath);
        }
        return Path.of("gateway", "target", "gbgate.jar");
    }

    private void awaitApi(String token) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/api/devices")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token).GET().build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw new IllegalStateException("gateway exited with code " + child.exitValue() + " during start-up;"
                        + " its log: " + logFile + "\n" + tail(logFile));
            }
            try {
                int status = http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                if (status == 401) {
                    throw new IllegalStateException("gateway refuses the API token; log: " + logFile);
                }
            } catch (IOException notYetListening) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("gateway API not up after " + START_TIMEOUT.toSeconds() + " s; log: "
                + logFile + "\n" + tail(logFile));
    }

    String url() {
        return url;
    }

    long pid() {
        return pid;
    }

    int sipPort() {
        return sipPort;
    }

    String description() {
        return description;
    }

    /** The child's combined output, or null when attached. */
    Path logFile() {
        return logFile;
    }

    /** Stops a child gateway (SIGTERM: graceful shutdown; SIGKILL after 30 s); attached gateways are left alone. */
    @Override
    public void close() {
        if (child == null || !child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = tcp.getLocalPort();
            }
            if (udpFree(port)) {
                return port;
            }
        }
        throw new IOException("no port free for both TCP and UDP on 127.0.0.1");
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A run of {@code size} consecutive TCP ports free on 127.0.0.1, as "first-last". */
    static String freeTcpRange(int size) throws IOException {
        int first = TCP_RANGE_SEARCH_FROM;
        for (int port = first; port < TCP_RANGE_SEARCH_TO; port++) {
            if (!tcpFree(port)) {
                first = port + 1;
            } else if (port - first + 1 == size) {
                return first + "-" + port;
            }
        }
        throw new IOException("no " + size + " consecutive free TCP ports within " + TCP_RANGE_SEARCH_FROM + ".."
                + TCP_RANGE_SEARCH_TO);
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> words(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.asList(text.trim().split("\\s+"));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
