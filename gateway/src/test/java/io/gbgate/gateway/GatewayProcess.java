package io.gbgate.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real gateway (the fat jar) as a child process of an integration test, with its output in a log file. It
 * can be killed hard ({@code SIGKILL}: no shutdown hook, no flush) and started again on the same data directory.
 */
final class GatewayProcess implements AutoCloseable {
    static final String TOKEN = "it-token";
    /** Exit status of a process ended by SIGKILL (128 + 9), as the JDK reports it on Linux. */
    static final int KILLED_BY_SIGKILL = 137;

    private final Path jar;
    private final List<String> arguments;
    private final Path log;
    private final int httpPort;
    private Process process;

    GatewayProcess(Path jar, int httpPort, List<String> arguments, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("gateway jar missing: " + jar + " (built in the package phase)");
        }
        this.jar = jar;
        this.httpPort = httpPort;
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + httpPort, TOKEN);
    }

    /** Starts the jar and waits until the API answers. */
    void start(Duration limit) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--server.port=" + httpPort, "--gbgate.api.token=" + TOKEN));
        command.addAll(arguments);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("gateway exited with " + process.exitValue() + " while starting:\n" + tail());
            }
            try {
                if (api().get("/api/recording").status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gateway not up within " + limit + ":\n" + tail());
            }
            Thread.sleep(250);
        }
    }

    /**
     * Kills the gateway with SIGKILL ({@link Process#destroyForcibly()} on Linux) and returns its exit status,
     * which is {@value #KILLED_BY_SIGKILL} when the signal ended it.
     */
    int killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("gateway did not die from SIGKILL");
        }
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    /** The last lines of the gateway's output, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops a running gateway gently (SIGTERM), forcibly after 20 s. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
