package io.gbgate.media.hls;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * The video of a stream's first segment while that segment has no audio track, kept (retained) so it can be
 * muxed again when audio shows up before the segment ends: players such as hls.js set up their tracks from the
 * first segment and never add one later, and the AAC made of a camera's G.711 only starts a little after the
 * first keyframe. Not thread-safe: used under the segmenter's ingest lock.
 */
final class FirstSegmentVideo {
    private record Muxed(AccessUnit unit, long pts, long dts) {
    }

    private final List<Muxed> units = new ArrayList<>();

    void add(AccessUnit unit, long pts, long dts) {
        units.add(new Muxed(unit.retain(), pts, dts));
    }

    /** Muxes the kept units again, in order, into {@code out} with {@code muxer} (one with an audio track). */
    void replay(TsMuxer muxer, ByteBuf out) {
        for (Muxed muxed : units) {
            muxer.write(muxed.unit(), muxed.pts(), muxed.dts(), out);
        }
    }

    /** Lets go of the kept units. */
    void release() {
        units.forEach(muxed -> muxed.unit().release());
        units.clear();
    }
}
