package io.gbgate.gateway.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who keeps one stream up. A viewer joins with a play request and stays while it is seen (its player
 * fetches media URLs, which carry its ID) or while an output it opened (a WebRTC session, an FLV
 * connection) holds the stream for it; it leaves by request or after being idle. Holders are outputs
 * and internal consumers (the recorder, a snapshot) that hold the stream until they let go. The
 * stream's owner BYEs the device once nobody held it for the grace period.
 */
final class ViewerLeases {
    /** The viewer a holder holds for when it holds for nobody in particular. */
    private static final String NO_VIEWER = "";
    private final Map<String, Long> lastSeenNanos = new ConcurrentHashMap<>();
    private final Map<String, String> holders = new ConcurrentHashMap<>();
    private volatile long emptySinceNanos = -1;

    /** A new viewer; returns its ID. */
    String join(long nowNanos) {
        String id = UUID.randomUUID().toString().substring(0, 13);
        lastSeenNanos.put(id, nowNanos);
        emptySinceNanos = -1;
        return id;
    }

    /** A holder that never goes idle (e.g. "recorder"); it lets go by {@link #leave}. */
    void pin(String holder) {
        pin(holder, null);
    }

    /**
     * A holder that never goes idle and keeps {@code viewerId} (the viewer it serves, null for none) from
     * going idle while it holds; it lets go by {@link #leave}.
     */
    void pin(String holder, String viewerId) {
        holders.put(holder, viewerId == null ? NO_VIEWER : viewerId);
        emptySinceNanos = -1;
    }

    /** The viewer was seen now; a viewer that had expired comes back. A holder's own name is no viewer. */
    void touch(String viewerId, long nowNanos) {
        if (!holders.containsKey(viewerId)) {
            lastSeenNanos.put(viewerId, nowNanos);
            emptySinceNanos = -1;
        }
    }

    /** A viewer leaves or a holder lets go; false when {@code id} is neither. */
    boolean leave(String id, long nowNanos) {
        boolean removed = lastSeenNanos.remove(id) != null | holders.remove(id) != null;
        markEmptyIfSo(nowNanos);
        return removed;
    }

    /** Drops viewers not seen for {@code idleNanos} that no holder serves; returns their IDs. */
    List<String> expire(long idleNanos, long nowNanos) {
        List<String> expired = List.of();
        for (Iterator<Map.Entry<String, Long>> it = lastSeenNanos.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> viewer = it.next();
            if (nowNanos - viewer.getValue() > idleNanos && !holders.containsValue(viewer.getKey())) {
                it.remove();
                expired = expired.isEmpty() ? new ArrayList<>() : expired;
                expired.add(viewer.getKey());
            }
        }
        markEmptyIfSo(nowNanos);
        return expired;
    }

    /** The viewers' IDs now. */
    List<String> viewerIds() {
        return List.copyOf(lastSeenNanos.keySet());
    }

    /** Viewers that played the stream and have not left. */
    int viewerCount() {
        return lastSeenNanos.size();
    }

    /** The holders' names, sorted (e.g. {@code recorder}, {@code whep:<session>}). */
    List<String> holders() {
        return holders.keySet().stream().sorted().toList();
    }

    /** Nanoseconds without any viewer or holder, or -1 while someone keeps the stream up. */
    long emptyForNanos(long nowNanos) {
        long since = emptySinceNanos;
        return since < 0 ? -1 : nowNanos - since;
    }

    private void markEmptyIfSo(long nowNanos) {
        if (lastSeenNanos.isEmpty() && holders.isEmpty() && emptySinceNanos < 0) {
            emptySinceNanos = nowNanos;
        }
    }
}
