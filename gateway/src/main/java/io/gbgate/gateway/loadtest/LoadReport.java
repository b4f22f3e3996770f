package io.gbgate.gateway.loadtest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The figures of one load run, as the block the harness prints: scale, transport mix, time to
 * first segment, CPU and memory per stream, loss, ingest rate, failures by cause, and the load
 * the harness and everything else on the machine put on the same cores.
 */
record LoadReport(HarnessOptions options, String gateway, LoadRecording.Loaded recording, int devices,
                  List<StreamPlays.Outcome> outcomes, long baselineRssKb, LoadWindow window, long touchFailures,
                  String loadAverage) {

    String format() {
        int n = options.streams();
        List<StreamPlays.Outcome> playing = outcomes.stream().filter(StreamPlays.Outcome::playing).toList();
        long tcpRequested = outcomes.stream().filter(StreamPlays.Outcome::tcpRequested).count();
        Map<String, Long> used = new TreeMap<>(playing.stream()
                .collect(Collectors.groupingBy(StreamPlays.Outcome::transport, Collectors.counting())));
        Percentiles.Summary ttfs = Percentiles.of(playing.stream().map(StreamPlays.Outcome::firstSegmentMillis)
                .toList());
        StreamsSnapshot end = window.end();
        int ready = Math.max(1, end.ready());
        double seconds = window.nanos() / 1e9;
        long rssDeltaKb = window.rssMeanKb() - baselineRssKb;
        long lostInWindow = end.rtpLost() - window.start().rtpLost();
        long packetsInWindow = end.rtpPackets() - window.start().rtpPackets();
        StringBuilder out = new StringBuilder();
        out.append("==== gbgate load figures ====\n");
        line(out, "streams (N)", "%d on %d simulated NVRs of up to %d channels", n, devices,
                options.channelsPerDevice());
        line(out, "transport mix", "requested udp %d / tcp-passive %d; playing over %s", n - tcpRequested,
                tcpRequested, used.isEmpty() ? "-" : used);
        line(out, "recording", "%s; measured %.2f Mb/s per stream", recording.description(),
                recording.bitsPerSecond() / 1e6);
        line(out, "gateway", "%s", gateway);
        line(out, "playing", "%d of %d (failed %d); ready in /api/streams at window end: %d", playing.size(), n,
                n - playing.size(), end.ready());
        line(out, "time to 1st segment", "%s (POST /play -> segment listed and fetched)", ttfs);
        line(out, "measure window", "%.1f s", seconds);
        line(out, "gateway CPU", "%.1f %% of one core = %.3f %% core per stream", window.gatewayCpuPercent(),
                window.gatewayCpuPercent() / ready);
        line(out, "gateway RSS", "%.0f MB mean (max %.0f), %.0f MB before plays -> +%.0f MB = %.2f MB per stream",
                mb(window.rssMeanKb()), mb(window.rssMaxKb()), mb(baselineRssKb), mb(rssDeltaKb),
                mb(rssDeltaKb) / ready);
        StreamsSnapshot.LossSpread spread = end.lossSpreadSince(window.start());
        line(out, "RTP loss in window", "%.3f %% (%d lost, %d received); %d streams lost packets, worst %.2f %%",
                end.lossPercentSince(window.start()), lostInWindow, packetsInWindow, spread.streamsWithLoss(),
                spread.worstPercent());
        ProcFs.UdpCounters drops = window.udpDrops();
        line(out, "kernel UDP drops", "%d receive-buffer full, %d send-buffer full, %d in-errors (whole host, window)",
                drops.receiveBufferErrors(), drops.sendBufferErrors(), drops.inErrors());
        line(out, "ingest", "%.1f Mb/s total (%.2f per ready stream, recording %.2f); fps median %.1f, min %.1f",
                end.bitsPerSecond() / 1e6, end.bitsPerSecond() / 1e6 / ready, recording.bitsPerSecond() / 1e6,
                end.medianFps(), end.minFps());
        line(out, "keep-alive failures", "%d playlist fetches failed", touchFailures);
        line(out, "harness own CPU", "%.1f %% of one core (simulated cameras + HTTP polling)",
                window.harnessCpuPercent());
        line(out, "machine", "%d cores, %.0f %% of all cores busy during the window (every process), load average %s",
                Runtime.getRuntime().availableProcessors(), window.machineBusyPercent(), loadAverage);
        Map<String, List<StreamPlays.Outcome>> causes = new TreeMap<>(outcomes.stream().filter(o -> !o.playing())
                .collect(Collectors.groupingBy(StreamPlays.Outcome::failure)));
        line(out, "failures by cause", "%s", causes.isEmpty() ? "none" : "");
        causes.forEach((cause, failed) -> {
            out.append(String.format("  %5d x %s%n", failed.size(), cause));
            String example = failed.get(0).detail();
            if (example != null && !example.isBlank()) {
                out.append(String.format("          e.g. %s%n", example));
            }
        });
        out.append("=============================\n");
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String format, Object... args) {
        out.append(String.format("%-21s: ", label)).append(String.format(format, args)).append('\n');
    }

    private static double mb(long kb) {
        return kb / 1024.0;
    }
}
