package io.gbgate.media.fmp4;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helper: what one moof says, decoded from its boxes (mfhd sequence, tfdt, and the trun
 * with every optional per-sample field the muxer writes).
 */
public record TrackRun(long sequence, long baseMediaDecodeTime, int dataOffset, List<Sample> samples) {

    public record Sample(int duration, int size, int flags, int compositionOffset) {
        public boolean sync() {
            return (flags & 0x00010000) == 0;
        }
    }

    public static TrackRun of(IsoBoxes.Box moof) {
        IsoBoxes children = moof.children();
        long sequence = children.first("mfhd").payload().getInt(4) & 0xFFFFFFFFL;
        IsoBoxes traf = children.first("traf").children();
        ByteBuffer tfdt = traf.first("tfdt").payload();
        long base = tfdt.get(0) == 1 ? tfdt.getLong(4) : tfdt.getInt(4) & 0xFFFFFFFFL;
        ByteBuffer trun = traf.first("trun").payload();
        int flags = trun.getInt(0) & 0xFFFFFF;
        if (flags != 0xF01) {
            throw new AssertionError("unexpected trun flags " + Integer.toHexString(flags));
        }
        int count = trun.getInt(4);
        int dataOffset = trun.getInt(8);
        List<Sample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int at = 12 + i * 16;
            samples.add(new Sample(trun.getInt(at), trun.getInt(at + 4), trun.getInt(at + 8), trun.getInt(at + 12)));
        }
        if (trun.remaining() != 12 + count * 16) {
            throw new AssertionError("trun size does not match its " + count + " samples");
        }
        return new TrackRun(sequence, base, dataOffset, samples);
    }

    public long duration() {
        return samples.stream().mapToLong(Sample::duration).sum();
    }

    public long bytes() {
        return samples.stream().mapToLong(Sample::size).sum();
    }
}
