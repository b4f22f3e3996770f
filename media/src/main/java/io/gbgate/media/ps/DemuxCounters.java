package io.gbgate.media.ps;

/** Mutable counters shared by the parts of one demuxer (single-threaded); see {@link PsDemuxStats}. */
final class DemuxCounters {
    long packs;
    long systemHeaders;
    long psms;
    long badPsms;
    long pesPackets;
    long skippedPackets;
    long videoUnits;
    long audioUnits;
    long bytesSkipped;
    long resyncs;
    long truncatedPes;
    long emptyPes;
    long droppedOversize;
    long droppedNoTimestamp;
    long droppedUnknownCodec;
    long droppedNonPicture;
    long psmCodecOverrides;
    long parameterSetsPrepended;
    long keyframesWithoutParameterSets;
    long audioBytesDropped;
    long consumerFailures;

    PsDemuxStats snapshot() {
        return new PsDemuxStats(packs, systemHeaders, psms, badPsms, pesPackets, skippedPackets,
                videoUnits, audioUnits, bytesSkipped, resyncs, truncatedPes, emptyPes, droppedOversize,
                droppedNoTimestamp, droppedUnknownCodec, droppedNonPicture, psmCodecOverrides,
                parameterSetsPrepended, keyframesWithoutParameterSets, audioBytesDropped, consumerFailures);
    }
}
