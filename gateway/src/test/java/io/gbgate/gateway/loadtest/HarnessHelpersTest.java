package io.gbgate.gateway.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The load harness's pure helpers: percentiles, /proc parsing, playlist reading, options. No load here. */
class HarnessHelpersTest {

    @Test
    void nearestRankPercentiles() {
        List<Long> hundred = LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList();
        Percentiles.Summary summary = Percentiles.of(hundred);
        assertThat(summary).isEqualTo(new Percentiles.Summary(100, 50, 90, 99, 100));

        assertThat(Percentiles.of(List.of(7L))).isEqualTo(new Percentiles.Summary(1, 7, 7, 7, 7));
        // 10 values: p99 is the 10th (ceil(9.9)), p90 the 9th, p50 the 5th
        assertThat(Percentiles.of(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 1000L)))
                .isEqualTo(new Percentiles.Summary(10, 50, 90, 1000, 1000));
        assertThat(Percentiles.of(List.of()).count()).isZero();
        assertThatThrownBy(() -> Percentiles.rank(List.of(1L), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cpuTicksAreUtimePlusStimeCountedAfterTheCommandName() {
        // a command name with spaces and parentheses must not shift the fields
        String stat = "4242 (java (gw) x) S 1 4242 4242 0 -1 4194560 120 0 0 0 1234 567 8 9 20 0 42 0 100 "
                + "9000000 50000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0";
        assertThat(ProcFs.parseCpuTicks(stat)).isEqualTo(1234 + 567);
        assertThatThrownBy(() -> ProcFs.parseCpuTicks("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcFs.parseCpuTicks("1 (x) S 1 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void residentMemoryComesFromVmRss() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  312456 kB\nRssAnon:\t  300000 kB\n";
        assertThat(ProcFs.parseRssKb(status)).isEqualTo(312456);
        assertThatThrownBy(() -> ProcFs.parseRssKb("Name:\tkworker\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VmRSS");
    }

    @Test
    void machineBusyShareFromProcStat() {
        ProcFs.MachineTicks before = ProcFs.parseMachineTicks("cpu  100 0 100 700 100 0 0 0 0 0\ncpu0 1 2 3\n");
        ProcFs.MachineTicks after = ProcFs.parseMachineTicks("cpu  400 0 200 900 100 0 0 0 0 0\n");
        assertThat(before).isEqualTo(new ProcFs.MachineTicks(1000, 800));
        assertThat(after.busyPercentSince(before)).isCloseTo(66.667, org.assertj.core.data.Offset.offset(0.001));
        assertThat(ProcFs.percentOfOneCore(150, 2_000_000_000L)).isEqualTo(75.0);
    }

    @Test
    void udpDropCountersFromProcNetSnmp() {
        String snmp = "Tcp: RtoAlgorithm RtoMin\nTcp: 1 200\n"
                + "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors\n"
                + "Udp: 5000 3 40 6000 37 2 0\nUdpLite: InDatagrams NoPorts\nUdpLite: 0 0\n";
        ProcFs.UdpCounters counters = ProcFs.parseUdpCounters(snmp);
        assertThat(counters).isEqualTo(new ProcFs.UdpCounters(40, 37, 2));
        assertThat(counters.minus(new ProcFs.UdpCounters(10, 7, 2))).isEqualTo(new ProcFs.UdpCounters(30, 30, 0));
        assertThatThrownBy(() -> ProcFs.parseUdpCounters("Tcp: A\nTcp: 1\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void firstSegmentOfAPlaylistResolvesNextToIt() {
        String playlist = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:4\n\n"
                + "#EXTINF:2.000,\nsegment-4.ts?token=abc\n#EXTINF:2.000,\nsegment-5.ts?token=abc\n";
        assertThat(HlsPlaylists.firstSegment(playlist)).contains("segment-4.ts?token=abc");
        assertThat(HlsPlaylists.firstSegment("#EXTM3U\n#EXT-X-TARGETDURATION:2\n")).isEmpty();
        assertThat(HlsPlaylists.resolve("/media/s1/index.m3u8?token=a/b", "segment-4.ts?token=a/b"))
                .isEqualTo("/media/s1/segment-4.ts?token=a/b");
        assertThat(HlsPlaylists.resolve("/media/s1/index.m3u8", "/other/x.ts")).isEqualTo("/other/x.ts");
    }

    @Test
    void optionsSpreadTcpPlaysAndRejectBadInput() {
        HarnessOptions options = HarnessOptions.parse("--streams=10", "--tcp-share=0.3", "--channels-per-device=4");
        long tcp = IntStream.range(0, 10).filter(options::playsOverTcp).count();
        assertThat(tcp).isEqualTo(options.tcpStreams()).isEqualTo(3);
        assertThat(options.devices()).isEqualTo(3);
        assertThat(options.gateway().attach()).isFalse();
        assertThat(HarnessOptions.parse().streams()).isEqualTo(50);
        assertThatThrownBy(() -> HarnessOptions.parse("--streams=0")).hasMessageContaining("--streams");
        assertThatThrownBy(() -> HarnessOptions.parse("--tcp-share=2")).hasMessageContaining("0..1");
        assertThatThrownBy(() -> HarnessOptions.parse("--nope=1")).hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> HarnessOptions.parse("--gateway-url=http://127.0.0.1:8080"))
                .hasMessageContaining("--gateway-pid");
    }

    @Test
    void channelsAreSpreadOverNvrs() {
        List<CameraFleet.Device> plan = CameraFleet.plan("4401020049", 120, 50);
        assertThat(plan).hasSize(3);
        assertThat(plan.get(0).deviceId()).isEqualTo("44010200491180000001");
        assertThat(plan.get(2).channelIds()).hasSize(20).first().isEqualTo("44010200491310000101");
        assertThat(plan.stream().mapToInt(d -> d.channelIds().size()).sum()).isEqualTo(120);
    }
}
