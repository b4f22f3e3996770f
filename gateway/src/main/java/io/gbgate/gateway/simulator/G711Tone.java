package io.gbgate.gateway.simulator;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.audio.G711;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.function.Consumer;

/**
 * A simulated camera's microphone: a steady sine tone as G.711 A-law, 8 kHz mono, in 20 ms units (160 bytes)
 * as cameras packetize it, timed on the video clock. Not thread-safe: driven by the feed's picture thread.
 */
public final class G711Tone {
    /** Samples per unit (20 ms). */
    public static final int UNIT_SAMPLES = 160;
    private static final int SAMPLE_RATE = 8000;
    private static final long UNIT_TICKS = 90_000L * UNIT_SAMPLES / SAMPLE_RATE;
    private static final double AMPLITUDE = 8000;

    private final double hertz;
    private long sample;
    private long nextPts = Long.MIN_VALUE;

    public G711Tone(double hertz) {
        if (!(hertz > 0 && hertz < SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("tone must be between 0 and 4000 Hz, was " + hertz);
        }
        this.hertz = hertz;
    }

    public double hertz() {
        return hertz;
    }

    /**
     * Hands {@code out} every unit due up to the picture at {@code videoPts} (the first picture starts the clock).
     * Each unit is released after the call.
     */
    public void unitsUntil(long videoPts, ByteBufAllocator alloc, Consumer<AccessUnit> out) {
        if (nextPts == Long.MIN_VALUE) {
            nextPts = videoPts;
        }
        while (nextPts <= videoPts) {
            ByteBuf data = alloc.buffer(UNIT_SAMPLES);
            for (int i = 0; i < UNIT_SAMPLES; i++, sample++) {
                double value = AMPLITUDE * Math.sin(2 * Math.PI * hertz * sample / SAMPLE_RATE);
                data.writeByte(G711.linearToAlaw((short) Math.round(value)));
            }
            AccessUnit unit = new AccessUnit(Codec.G711A, nextPts, nextPts, true, data);
            try {
                out.accept(unit);
            } finally {
                unit.release();
            }
            nextPts += UNIT_TICKS;
        }
    }
}
