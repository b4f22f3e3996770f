package io.gbgate.gateway.loadtest;

import java.util.Collection;

/**
 * One sampling window over a loaded gateway: its CPU (utime + stime delta over the window, as a
 * percentage of one core), its resident memory sampled every second, the harness's own CPU, how
 * busy the whole machine was, the kernel's UDP buffer drops, and the stream statistics at both ends.
 */
record LoadWindow(long nanos, double gatewayCpuPercent, long rssMeanKb, long rssMaxKb, double harnessCpuPercent,
                  double machineBusyPercent, ProcFs.UdpCounters udpDrops, StreamsSnapshot start, StreamsSnapshot end) {

    /** Samples gateway process {@code pid} for {@code seconds}, reading its streams at both ends. */
    static LoadWindow measure(long pid, int seconds, GatewayApi api, Collection<String> channelIds)
            throws InterruptedException {
        long self = ProcessHandle.current().pid();
        StreamsSnapshot start = snapshot(api, channelIds);
        ProcFs.MachineTicks machineStart = ProcFs.machineTicks();
        ProcFs.UdpCounters udpStart = ProcFs.udpCounters();
        long gatewayStart = ProcFs.cpuTicks(pid);
        long harnessStart = ProcFs.cpuTicks(self);
        long startNanos = System.nanoTime();
        long rssSum = 0;
        long rssMax = 0;
        for (int i = 0; i < seconds; i++) {
            Thread.sleep(1000);
            long rss = ProcFs.rssKb(pid);
            rssSum += rss;
            rssMax = Math.max(rssMax, rss);
        }
        long nanos = System.nanoTime() - startNanos;
        double gatewayCpu = ProcFs.percentOfOneCore(ProcFs.cpuTicks(pid) - gatewayStart, nanos);
        double harnessCpu = ProcFs.percentOfOneCore(ProcFs.cpuTicks(self) - harnessStart, nanos);
        double machineBusy = ProcFs.machineTicks().busyPercentSince(machineStart);
        ProcFs.UdpCounters udpDrops = ProcFs.udpCounters().minus(udpStart);
        StreamsSnapshot end = snapshot(api, channelIds);
        return new LoadWindow(nanos, gatewayCpu, rssSum / seconds, rssMax, harnessCpu, machineBusy, udpDrops, start, end);
    }

    static StreamsSnapshot snapshot(GatewayApi api, Collection<String> channelIds) {
        GatewayApi.Response response = api.get("/api/streams").join();
        if (response.status() != 200) {
            throw new IllegalStateException("GET /api/streams answered HTTP " + response.status() + ": "
                    + response.body());
        }
        return StreamsSnapshot.of(response.json(), channelIds);
    }
}
