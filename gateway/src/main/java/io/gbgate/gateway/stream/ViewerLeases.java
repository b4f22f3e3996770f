package io.gbgate.gateway.stream;

import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The viewers of one stream. A viewer joins with a play request and stays while it is seen (its
 * player fetches media URLs, which carry its ID); it leaves by request or after being idle.
 * The stream's owner BYEs the device once nobody watched for the grace period.
 */
final class ViewerLeases {
    /** Seen time of a pinned viewer: never idle (an internal consumer such as the recorder). */
    private static final long PINNED = Long.MAX_VALUE;
    private final Map<String, Long> lastSeenNanos = new ConcurrentHashMap<>();
    private volatile long emptySinceNanos = -1;

    /** A new viewer; returns its ID. */
    String join(long nowNanos) {
        String id = UUID.randomUUID().toString().substring(0, 13);
        lastSeenNanos.put(id, nowNanos);
        emptySinceNanos = -1;
        return id;
    }

    /** A viewer that never goes idle, named by its holder (e.g. "recorder"); it leaves by {@link #leave}. */
    void pin(String holder) {
        lastSeenNanos.put(holder, PINNED);
        emptySinceNanos = -1;
    }

    /** The viewer was seen now; a viewer that had expired comes back. */
    void touch(String viewerId, long nowNanos) {
        lastSeenNanos.compute(viewerId, (id, seen) -> seen != null && seen == PINNED ? PINNED : nowNanos);
        emptySinceNanos = -1;
    }

    boolean leave(String viewerId, long nowNanos) {
        boolean removed = lastSeenNanos.remove(viewerId) != null;
        markEmptyIfSo(nowNanos);
        return removed;
    }

    /** Drops viewers not seen for {@code idleNanos}. */
    void expire(long idleNanos, long nowNanos) {
        for (Iterator<Map.Entry<String, Long>> it = lastSeenNanos.entrySet().iterator(); it.hasNext(); ) {
            long seen = it.next().getValue();
            if (seen != PINNED && nowNanos - seen > idleNanos) {
                it.remove();
            }
        }
        markEmptyIfSo(nowNanos);
    }

    int count() {
        return lastSeenNanos.size();
    }

    /** Nanoseconds without any viewer, or -1 while someone watches. */
    long emptyForNanos(long nowNanos) {
        long since = emptySinceNanos;
        return since < 0 ? -1 : nowNanos - since;
    }

    private void markEmptyIfSo(long nowNanos) {
        if (lastSeenNanos.isEmpty() && emptySinceNanos < 0) {
            emptySinceNanos = nowNanos;
        }
    }
}
