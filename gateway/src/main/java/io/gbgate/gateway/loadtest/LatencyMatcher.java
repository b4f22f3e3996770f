package io.gbgate.gateway.loadtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs pictures the camera sent with the SRTP packets that carried them out of the gateway. The
 * gateway's outgoing RTP timestamp is its own random offset plus the picture's PTS, so
 * {@code outTimestamp - sentTicks} (mod 2^32) is one constant K for every picture of a loop of the
 * recording (the PS timestamps restart with each loop, so each loop has its own K). The Ks are the
 * frequent differences between a received picture and the last picture sent before it arrived
 * (right whenever the latency is below a frame interval, which is most of the time); every
 * received picture is then paired exactly by timestamp under those Ks, whatever its latency
 * (below 2 s; the smallest non-negative candidate wins).
 */
final class LatencyMatcher {
    private static final long MAX_PLAUSIBLE_NANOS = 2_000_000_000L;

    /** The matched latencies and how many received pictures could not be matched. */
    record Result(List<Long> latenciesNanos, int unmatched) {
    }

    private LatencyMatcher() {
    }

    /**
     * @param sent     {ticks[], nanos[]} from {@link SendStamps#snapshot()}
     * @param received {rtpTimestamp (32 bit), receivedNanos} per picture (its marker packet)
     */
    static Result match(long[][] sent, List<long[]> received) {
        long[] ticks = sent[0];
        long[] nanos = sent[1];
        Map<Long, Integer> votes = new HashMap<>();
        for (long[] picture : received) {
            int last = lastSentBefore(nanos, picture[1]);
            if (last >= 0) {
                votes.merge((picture[0] - ticks[last]) & 0xFFFFFFFFL, 1, Integer::sum);
            }
        }
        int total = votes.values().stream().mapToInt(Integer::intValue).sum();
        List<Long> offsets = votes.entrySet().stream()
                .filter(e -> e.getValue() >= Math.max(3, total / 20))
                .map(Map.Entry::getKey).toList();
        Map<Long, Long> sentByTimestamp = new HashMap<>();
        for (int i = 0; i < ticks.length; i++) {
            sentByTimestamp.put(ticks[i] & 0xFFFFFFFFL, nanos[i]);
        }
        List<Long> latencies = new ArrayList<>();
        for (long[] picture : received) {
            long best = -1;
            for (long k : offsets) {
                Long sentNanos = sentByTimestamp.get((picture[0] - k) & 0xFFFFFFFFL);
                long latency = sentNanos == null ? -1 : picture[1] - sentNanos;
                if (latency >= 0 && latency < MAX_PLAUSIBLE_NANOS && (best < 0 || latency < best)) {
                    best = latency;
                }
            }
            if (best >= 0) {
                latencies.add(best);
            }
        }
        return new Result(latencies, received.size() - latencies.size());
    }

    private static int lastSentBefore(long[] nanos, long when) {
        int index = Arrays.binarySearch(nanos, when);
        return index >= 0 ? index : -index - 2;
    }
}
