package io.gbgate.media.llhls;

/** Which playlist an {@link LlHlsOutput} renders over the same segments. */
public enum PlaylistKind {
    /** LL-HLS: parts, server control (blocking reload), preload hint. */
    LOW_LATENCY,
    /** Plain HLS with fMP4 segments: complete segments only, no low-latency tags. */
    FMP4
}
