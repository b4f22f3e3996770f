package io.gbgate.media.flv;

/**
 * Counters of an {@link FlvSink}.
 *
 * @param subscribers          open subscriptions
 * @param subscribersDropped   subscriptions closed because too many bytes were queued
 * @param unitsReceived        access units offered to the sink
 * @param unitsMuxed           access units that became FLV tags
 * @param unitsWaiting         units dropped before the first keyframe
 * @param unitsMalformed       units dropped as malformed or with an unplaceable timestamp
 * @param unitsOtherAudio      audio units of a second codec, left out (an FLV stream has one audio codec)
 * @param bytesMuxed           FLV bytes produced (once, however many subscribers)
 */
public record FlvSinkStats(int subscribers, long subscribersDropped, long unitsReceived, long unitsMuxed,
        long unitsWaiting, long unitsMalformed, long unitsOtherAudio, long bytesMuxed) {
}
