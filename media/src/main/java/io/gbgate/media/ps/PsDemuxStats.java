package io.gbgate.media.ps;

/**
 * Counters of one {@link PsDemuxer}, a snapshot taken by {@link PsDemuxer#stats()}.
 *
 * @param packs pack headers parsed
 * @param systemHeaders system headers skipped
 * @param psms program stream maps applied
 * @param badPsms program stream maps too malformed to use
 * @param pesPackets audio and video PES packets parsed
 * @param skippedPackets other packets skipped by their length (private streams, padding, ECM/EMM, extra streams)
 * @param videoUnits video access units delivered
 * @param audioUnits audio access units delivered
 * @param bytesSkipped bytes thrown away while hunting for the next pack header
 * @param resyncs times synchronisation was lost (or missing at the start) and a pack header had to be hunted for
 * @param truncatedPes video PES packets cut short by a start code before their declared end
 * @param emptyPes PES packets with a zero length field, skipped
 * @param droppedOversize video access units dropped because they grew beyond the size bound
 * @param droppedNoTimestamp PES payloads dropped because no PTS was known for them
 * @param droppedUnknownCodec payloads dropped because the codec was neither declared nor recognisable
 * @param droppedNonPicture video access units dropped because they held no picture (VCL) NAL unit
 * @param psmCodecOverrides video access units whose PSM codec contradicted the NAL headers (the headers won)
 * @param parameterSetsPrepended keyframes completed with cached parameter sets
 * @param keyframesWithoutParameterSets IDR/IRAP units delivered as non-keyframes because no parameter sets were known
 * @param audioBytesDropped audio bytes that did not form a complete ADTS frame
 * @param consumerFailures exceptions thrown by the consumer (logged and swallowed)
 */
public record PsDemuxStats(
        long packs,
        long systemHeaders,
        long psms,
        long badPsms,
        long pesPackets,
        long skippedPackets,
        long videoUnits,
        long audioUnits,
        long bytesSkipped,
        long resyncs,
        long truncatedPes,
        long emptyPes,
        long droppedOversize,
        long droppedNoTimestamp,
        long droppedUnknownCodec,
        long droppedNonPicture,
        long psmCodecOverrides,
        long parameterSetsPrepended,
        long keyframesWithoutParameterSets,
        long audioBytesDropped,
        long consumerFailures) {
}
