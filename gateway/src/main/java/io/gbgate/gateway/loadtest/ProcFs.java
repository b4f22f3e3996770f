package io.gbgate.gateway.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads what the Linux kernel says about a process and the machine: CPU time from
 * {@code /proc/<pid>/stat}, resident memory from {@code /proc/<pid>/status}, busy and idle time of
 * all cores from {@code /proc/stat}.
 */
public final class ProcFs {
    /** USER_HZ: the unit of the CPU times in /proc; 100 on every mainstream Linux build. */
    public static final long CLOCK_TICKS_PER_SECOND = 100;

    private ProcFs() {
    }

    /** Machine-wide CPU time since boot, in clock ticks: all of it and the part spent idle (incl. iowait). */
    public record MachineTicks(long total, long idle) {
        /** Share of the cores busy between {@code earlier} and this sample, 0..100. */
        public double busyPercentSince(MachineTicks earlier) {
            long total = this.total - earlier.total;
            long busy = total - (this.idle - earlier.idle);
            return total <= 0 ? 0 : 100.0 * busy / total;
        }
    }

    /**
     * The kernel's UDP counters of this network namespace ({@code /proc/net/snmp}): datagrams
     * dropped because a socket's receive buffer was full, or its send buffer, and receive errors.
     */
    public record UdpCounters(long inErrors, long receiveBufferErrors, long sendBufferErrors) {
        public UdpCounters minus(UdpCounters earlier) {
            return new UdpCounters(inErrors - earlier.inErrors, receiveBufferErrors - earlier.receiveBufferErrors,
                    sendBufferErrors - earlier.sendBufferErrors);
        }
    }

    public static UdpCounters udpCounters() {
        return parseUdpCounters(read(Path.of("/proc/net/snmp")));
    }

    /** utime + stime of the process, in clock ticks. */
    public static long cpuTicks(long pid) {
        return parseCpuTicks(read(Path.of("/proc", Long.toString(pid), "stat")));
    }

    /** Resident set size of the process in kB. */
    public static long rssKb(long pid) {
        return parseRssKb(read(Path.of("/proc", Long.toString(pid), "status")));
    }

    public static MachineTicks machineTicks() {
        return parseMachineTicks(read(Path.of("/proc/stat")));
    }

    /** CPU time in clock ticks as a percentage of one core over {@code nanos} of wall time. */
    public static double percentOfOneCore(long ticks, long nanos) {
        return nanos <= 0 ? 0 : 100.0 * ticks / CLOCK_TICKS_PER_SECOND / (nanos / 1e9);
    }

    /**
     * utime (field 14) + stime (field 15) of a {@code /proc/<pid>/stat} line. The command name in
     * field 2 may hold spaces and parentheses, so fields are counted after its last ')'.
     */
    static long parseCpuTicks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + abbreviate(stat));
        }
        String[] fields = stat.substring(end + 1).trim().split("\\s+");
        if (fields.length < 13) {
            throw new IllegalArgumentException("/proc/<pid>/stat line too short: " + abbreviate(stat));
        }
        // fields[0] is field 3 (state), so field n is fields[n - 3]
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** The VmRSS value (kB) of a {@code /proc/<pid>/status} text. */
    static long parseRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                if (parts.length != 2 || !parts[1].equals("kB")) {
                    throw new IllegalArgumentException("unexpected VmRSS line: " + line);
                }
                return Long.parseLong(parts[0]);
            }
        }
        throw new IllegalArgumentException("no VmRSS line in /proc/<pid>/status (a kernel thread or a zombie?)");
    }

    /** The aggregate "cpu" line of {@code /proc/stat}: idle is idle + iowait, total is every field. */
    static MachineTicks parseMachineTicks(String stat) {
        String first = stat.lines().findFirst().orElse("");
        String[] fields = first.trim().split("\\s+");
        if (fields.length < 6 || !fields[0].equals("cpu")) {
            throw new IllegalArgumentException("not a /proc/stat cpu line: " + abbreviate(first));
        }
        long total = 0;
        for (int i = 1; i < fields.length && i <= 8; i++) { // user .. steal; guest is already in user
            total += Long.parseLong(fields[i]);
        }
        return new MachineTicks(total, Long.parseLong(fields[4]) + Long.parseLong(fields[5]));
    }

    /** The "Udp:" header and value lines of {@code /proc/net/snmp}. */
    static UdpCounters parseUdpCounters(String snmp) {
        List<String[]> udp = snmp.lines().filter(line -> line.startsWith("Udp:"))
                .map(line -> line.trim().split("\\s+")).toList();
        if (udp.size() < 2 || udp.get(0).length != udp.get(1).length) {
            throw new IllegalArgumentException("no Udp: header and value lines in /proc/net/snmp");
        }
        List<String> names = List.of(udp.get(0));
        String[] values = udp.get(1);
        return new UdpCounters(counter(names, values, "InErrors"), counter(names, values, "RcvbufErrors"),
                counter(names, values, "SndbufErrors"));
    }

    private static long counter(List<String> names, String[] values, String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("/proc/net/snmp Udp: has no " + name);
        }
        return Long.parseLong(values[index]);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (process gone, or not Linux?)", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
