package io.gbgate.sip.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows password guessing: after {@code maxFailures} failed digests for one device ID from one source address
 * within {@code window}, that pair is refused without checking for {@code block}. Keyed by address and device
 * so that one misconfigured camera behind a NAT does not lock out the others sharing its address. Remembers at
 * most {@code maxTracked} pairs (oldest forgotten first). Thread-safe.
 */
public final class FailedDigestLimiter {
    private final int maxFailures;
    private final Duration window;
    private final Duration block;
    private final int maxTracked;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Entry {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil;
    }

    public FailedDigestLimiter(int maxFailures, Duration window, Duration block, int maxTracked) {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || block.isNegative() || maxTracked < 1) {
            throw new IllegalArgumentException("bad limiter settings: " + maxFailures + " in " + window + ", block "
                    + block + ", " + maxTracked + " tracked");
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.block = block;
        this.maxTracked = maxTracked;
    }

    /** Five failures a minute, then a five-minute block; 10,000 pairs tracked. */
    public static FailedDigestLimiter defaults() {
        return new FailedDigestLimiter(5, Duration.ofMinutes(1), Duration.ofMinutes(5), 10_000);
    }

    /** How long {@code deviceId} from {@code host} stays refused, or zero when it may try. */
    public synchronized Duration blockedFor(String host, String deviceId, Instant now) {
        Entry entry = entries.get(key(host, deviceId));
        if (entry == null || entry.blockedUntil == null || !now.isBefore(entry.blockedUntil)) {
            return Duration.ZERO;
        }
        return Duration.between(now, entry.blockedUntil);
    }

    /** Records a failed digest; true when this failure starts a block. */
    public synchronized boolean failed(String host, String deviceId, Instant now) {
        Entry entry = entries.computeIfAbsent(key(host, deviceId), k -> new Entry());
        entry.failures.addLast(now);
        while (!entry.failures.isEmpty() && !entry.failures.peekFirst().isAfter(now.minus(window))) {
            entry.failures.removeFirst();
        }
        boolean blocks = entry.failures.size() >= maxFailures;
        if (blocks) {
            entry.failures.clear();
            entry.blockedUntil = now.plus(block);
        }
        forgetOldest();
        return blocks;
    }

    /** A successful digest clears the pair's history. */
    public synchronized void succeeded(String host, String deviceId) {
        entries.remove(key(host, deviceId));
    }

    private void forgetOldest() {
        for (Iterator<String> it = entries.keySet().iterator(); entries.size() > maxTracked && it.hasNext(); ) {
            it.next();
            it.remove();
        }
    }

    private static String key(String host, String deviceId) {
        return host + '/' + deviceId;
    }
}
