package io.gbgate.media.audio;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * Turns a stream's G.711 audio (A-law or µ-law, 8 kHz mono, as GB28181 cameras send it) into AAC-LC access
 * units with ADTS headers, the audio MPEG-TS HLS, recordings and clips can carry. Timestamps follow the
 * G.711 units' PTS: the first one anchors the sample count, and a unit more than half a second away from
 * where the count puts it (a gap, a camera clock jump) re-anchors it. Not thread-safe: one per ingest, on
 * the ingest's thread; {@link #close} frees the encoder.
 */
public final class G711ToAac implements AutoCloseable {
    /** G.711's sample rate, kept for the AAC stream. */
    public static final int SAMPLE_RATE = 8000;
    /** AAC bit rate: plenty for 8 kHz speech. */
    public static final int BIT_RATE = 32_000;
    private static final long TICKS_PER_SECOND = 90_000;
    private static final long RESYNC_TICKS = TICKS_PER_SECOND / 2;

    private final ByteBufAllocator allocator;
    private final Consumer<AccessUnit> output;
    private AacEncoder encoder;
    private float[] pending;
    private int filled;
    private long samplesIn;
    private boolean anchored;
    private long anchorPts;
    private long anchorSample;
    private long unitsIn;
    private long framesOut;
    private long resyncs;
    private boolean failed;

    /**
     * @param output receives each AAC unit during the call that completed it; the unit is released after
     *               the call (retain it to keep it)
     */
    public G711ToAac(ByteBufAllocator allocator, Consumer<AccessUnit> output) {
        this.allocator = allocator;
        this.output = output;
    }

    /** Takes one G.711 unit; other codecs are ignored. */
    public void accept(AccessUnit unit) {
        boolean alaw = unit.codec() == Codec.G711A;
        if (failed || !(alaw || unit.codec() == Codec.G711U)) {
            return;
        }
        if (encoder == null && !open()) {
            return;
        }
        unitsIn++;
        long expected = anchorPts + (samplesIn - anchorSample) * TICKS_PER_SECOND / SAMPLE_RATE;
        if (!anchored || Math.abs(unit.pts() - expected) > RESYNC_TICKS) {
            resyncs += anchored ? 1 : 0;
            anchored = true;
            anchorPts = unit.pts();
            anchorSample = samplesIn;
        }
        ByteBuf data = unit.data();
        for (int i = data.readerIndex(), end = data.writerIndex(); i < end; i++) {
            short linear = alaw ? G711.alawToLinear(data.getByte(i)) : G711.ulawToLinear(data.getByte(i));
            pending[filled++] = linear / 32768f;
            samplesIn++;
            if (filled == pending.length) {
                encoder.encode(pending, this::emit);
                filled = 0;
            }
        }
    }

    private boolean open() {
        try {
            encoder = AacEncoder.open(SAMPLE_RATE, BIT_RATE);
            pending = new float[encoder.frameSamples()];
            return true;
        } catch (IllegalStateException e) {
            failed = true; // no AAC encoder in this FFmpeg build: the stream keeps its G.711 only
            return false;
        }
    }

    private void emit(byte[] aac, long ptsSamples) {
        long pts = anchorPts + (ptsSamples - anchorSample) * TICKS_PER_SECOND / SAMPLE_RATE;
        ByteBuf frame = allocator.buffer(Adts.HEADER_BYTES + aac.length);
        try {
            Adts.writeHeader(SAMPLE_RATE, 1, aac.length, frame);
            frame.writeBytes(aac);
            output.accept(new AccessUnit(Codec.AAC, pts, pts, true, frame));
            framesOut++;
        } finally {
            frame.release();
        }
    }

    /** G.711 units taken. */
    public long unitsIn() {
        return unitsIn;
    }

    /** AAC frames handed out. */
    public long framesOut() {
        return framesOut;
    }

    /** Times the G.711 timestamps jumped and the sample count was re-anchored. */
    public long resyncs() {
        return resyncs;
    }

    /** Whether the encoder could not be opened (the stream then has no AAC). */
    public boolean failed() {
        return failed;
    }

    @Override
    public void close() {
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
    }
}
