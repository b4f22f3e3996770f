package io.gbgate.media.hls;

/**
 * Counters of one {@link HlsSegmenter}, as a snapshot.
 *
 * @param unitsReceived access units offered to the segmenter
 * @param unitsMuxed access units written into segments (including the one still open)
 * @param unitsSkippedWaitingForKeyframe units dropped before the first keyframe (or after a
 *        discarded segment, until the next keyframe)
 * @param unsupportedAudioUnits audio units of a codec HLS TS does not carry (G.711)
 * @param audioUnitsDropped AAC units that could not be placed (segment without an audio track
 *        yet, or a timestamp far from the video clock)
 * @param unitsMalformed units the muxer refused (no start code, empty, oversized)
 * @param timestampDiscontinuities video timestamps that went backwards or jumped
 * @param segmentsCompleted segments published, over the stream's life
 * @param segmentsDiscarded segments thrown away for exceeding the size limit
 * @param bytesPublished bytes of all published segments
 */
public record HlsStats(
        long unitsReceived,
        long unitsMuxed,
        long unitsSkippedWaitingForKeyframe,
        long unsupportedAudioUnits,
        long audioUnitsDropped,
        long unitsMalformed,
        long timestampDiscontinuities,
        long segmentsCompleted,
        long segmentsDiscarded,
        long bytesPublished) {
}
