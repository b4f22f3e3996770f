package io.gbgate.media.flv;

/**
 * Limits of an {@link FlvSink}.
 *
 * @param maxQueuedBytesPerSubscriber a subscriber with more bytes waiting than this is dropped
 * @param maxCachedGopBytes           the cached GOP (for late joiners) stops growing beyond this;
 *                                    joiners then wait for the next keyframe
 */
public record FlvSinkSettings(long maxQueuedBytesPerSubscriber, long maxCachedGopBytes) {

    public FlvSinkSettings {
        if (maxQueuedBytesPerSubscriber <= 0 || maxCachedGopBytes < 0) {
            throw new IllegalArgumentException("invalid FLV sink limits: queue " + maxQueuedBytesPerSubscriber
                    + ", GOP cache " + maxCachedGopBytes);
        }
    }

    /**
     * 8 MiB per subscriber (many seconds of a camera stream), 4 MiB of cached GOP: a joiner's
     * cached GOP must fit in its queue with room to spare.
     */
    public static FlvSinkSettings defaults() {
        return new FlvSinkSettings(8L << 20, 4L << 20);
    }

    public FlvSinkSettings withMaxQueuedBytesPerSubscriber(long bytes) {
        return new FlvSinkSettings(bytes, maxCachedGopBytes);
    }

    public FlvSinkSettings withMaxCachedGopBytes(long bytes) {
        return new FlvSinkSettings(maxQueuedBytesPerSubscriber, bytes);
    }
}
