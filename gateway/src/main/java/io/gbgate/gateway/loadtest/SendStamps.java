package io.gbgate.gateway.loadtest;

import io.gbgate.gateway.simulator.PsFeed;
import java.util.Arrays;

/**
 * When the simulated camera handed each picture to its RTP sender: the picture's continuous 90 kHz
 * timestamp (loops included) and {@link System#nanoTime()} just before its PS bytes were packetized
 * and written. Appended by the feed's pacing thread, read by {@link LatencyMatcher}.
 */
final class SendStamps {
    private long[] ticks = new long[4096];
    private long[] nanos = new long[4096];
    private int size;

    /** Wraps {@code feed} so that every picture it sends is stamped here first. */
    PsFeed stamping(PsFeed feed) {
        return new PsFeed() {
            @Override
            public void start(FrameConsumer consumer) {
                feed.start((ps, timestamp90k) -> {
                    add(timestamp90k, System.nanoTime());
                    consumer.accept(ps, timestamp90k);
                });
            }

            @Override
            public void close() {
                feed.close();
            }
        };
    }

    synchronized void add(long timestamp90k, long sentNanos) {
        if (size == ticks.length) {
            ticks = Arrays.copyOf(ticks, size * 2);
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        ticks[size] = timestamp90k;
        nanos[size] = sentNanos;
        size++;
    }

    /** A copy: {ticks[], nanos[]} in sending order. */
    synchronized long[][] snapshot() {
        return new long[][] {Arrays.copyOf(ticks, size), Arrays.copyOf(nanos, size)};
    }
}
