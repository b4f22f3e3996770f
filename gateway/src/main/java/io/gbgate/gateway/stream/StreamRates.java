package io.gbgate.gateway.stream;

import io.gbgate.media.hub.StreamHub;

/**
 * Frame rate and bit rate of a stream over the last sampling period, from the hub's counters.
 * Sampled by the stream service's maintenance task about once a second.
 */
final class StreamRates {
    private long lastUnits = -1;
    private long lastBytes;
    private long lastNanos;
    private volatile double framesPerSecond;
    private volatile long bitsPerSecond;

    synchronized void sample(StreamHub hub, long nowNanos) {
        long units = hub.videoUnitsPublished();
        long bytes = hub.bytesPublished();
        if (lastUnits >= 0 && nowNanos > lastNanos) {
            double seconds = (nowNanos - lastNanos) / 1e9;
            framesPerSecond = Math.round((units - lastUnits) / seconds * 10) / 10.0;
            bitsPerSecond = Math.round((bytes - lastBytes) * 8 / seconds);
        }
        lastUnits = units;
        lastBytes = bytes;
        lastNanos = nowNanos;
    }

    double framesPerSecond() {
        return framesPerSecond;
    }

    long bitsPerSecond() {
        return bitsPerSecond;
    }
}
