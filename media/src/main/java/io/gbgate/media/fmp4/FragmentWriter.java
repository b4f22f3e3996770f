package io.gbgate.media.fmp4;

import io.netty.buffer.ByteBuf;

/**
 * Writes one media fragment of the video track: {@code moof} (mfhd, traf with tfhd, tfdt and a
 * trun giving duration, size, flags and composition offset per sample) followed by {@code mdat}.
 */
final class FragmentWriter {
    /** tfhd: base data offset is the start of the moof. */
    private static final int DEFAULT_BASE_IS_MOOF = 0x020000;
    private static final int TRUN_DATA_OFFSET = 0x000001;
    private static final int TRUN_SAMPLE_DURATION = 0x000100;
    private static final int TRUN_SAMPLE_SIZE = 0x000200;
    private static final int TRUN_SAMPLE_FLAGS = 0x000400;
    private static final int TRUN_COMPOSITION_OFFSET = 0x000800;
    private static final int TRUN_FLAGS = TRUN_DATA_OFFSET | TRUN_SAMPLE_DURATION | TRUN_SAMPLE_SIZE
            | TRUN_SAMPLE_FLAGS | TRUN_COMPOSITION_OFFSET;
    /** sample_depends_on = 2 (depends on no other sample). */
    static final int SYNC_SAMPLE_FLAGS = 0x02000000;
    /** sample_depends_on = 1, sample_is_non_sync_sample = 1. */
    static final int NON_SYNC_SAMPLE_FLAGS = 0x01010000;
    private static final int BOX_HEADER_BYTES = 8;

    private FragmentWriter() {
    }

    /** Writes the first {@code samples} samples of {@code queue} as fragment {@code sequenceNumber}. */
    static Fmp4Fragment write(long sequenceNumber, SampleQueue queue, int samples, ByteBuf out) {
        int start = out.writerIndex();
        BoxWriter w = new BoxWriter(out);
        int moofStart = w.position();
        w.open(BoxTypes.MOOF);
        w.openFull(BoxTypes.MFHD, 0, 0).u32(sequenceNumber).close();
        w.open(BoxTypes.TRAF);
        w.openFull(BoxTypes.TFHD, 0, DEFAULT_BASE_IS_MOOF).u32(InitSegmentWriter.TRACK_ID).close();
        w.openFull(BoxTypes.TFDT, 1, 0).u64(queue.dts(0)).close();
        w.openFull(BoxTypes.TRUN, 1, TRUN_FLAGS).u32(samples);
        int dataOffsetField = w.position();
        w.u32(0);
        for (int i = 0; i < samples; i++) {
            w.u32(queue.duration(i)).u32(queue.size(i))
                    .u32(queue.sync(i) ? SYNC_SAMPLE_FLAGS : NON_SYNC_SAMPLE_FLAGS)
                    .u32(queue.compositionOffset(i));
        }
        w.close(); // trun
        w.close(); // traf
        w.close(); // moof
        int moofSize = w.position() - moofStart;
        w.patchU32(dataOffsetField, moofSize + BOX_HEADER_BYTES);
        ByteBuf data = queue.data();
        w.open(BoxTypes.MDAT).bytes(data, data.readerIndex(), queue.bytes(samples)).close();
        return new Fmp4Fragment(sequenceNumber, queue.dts(0), queue.totalDuration(samples), samples, queue.sync(0),
                out.writerIndex() - start);
    }
}
