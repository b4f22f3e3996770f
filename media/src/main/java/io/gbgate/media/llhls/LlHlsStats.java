package io.gbgate.media.llhls;

/**
 * Counters of one {@link LlHlsOutput}, as a snapshot.
 *
 * @param unitsReceived      access units offered
 * @param unitsDropped       units not carried: audio, before the first keyframe, malformed
 * @param partsPublished     parts over the output's life
 * @param segmentsCompleted  segments completed over the output's life
 * @param bytesPublished     bytes of all parts
 * @param waitingRequests    requests held for a part right now
 */
public record LlHlsStats(long unitsReceived, long unitsDropped, long partsPublished, long segmentsCompleted,
                         long bytesPublished, int waitingRequests) {
}
