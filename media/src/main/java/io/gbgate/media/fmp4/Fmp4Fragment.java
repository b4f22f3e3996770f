package io.gbgate.media.fmp4;

/**
 * What one written media fragment ({@code moof} + {@code mdat}) holds.
 *
 * @param sequenceNumber      the {@code mfhd} sequence number, 1 for the first fragment
 * @param baseMediaDecodeTime decode time of the first sample (90 kHz, 0 at the first keyframe)
 * @param durationTicks       sum of the sample durations (90 kHz)
 * @param sampleCount         samples in the {@code trun}
 * @param independent         the first sample is a keyframe (an LL-HLS part with INDEPENDENT=YES,
 *                            or the start of a segment)
 * @param byteLength          bytes written
 */
public record Fmp4Fragment(long sequenceNumber, long baseMediaDecodeTime, long durationTicks, int sampleCount,
        boolean independent, int byteLength) {

    public double durationSeconds() {
        return durationTicks / (double) Fmp4Track.TIMESCALE;
    }
}
