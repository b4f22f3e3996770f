package io.gbgate.media.rtp;

import java.util.concurrent.locks.StampedLock;

/**
 * Reception statistics of one RTP stream, updated per packet without allocation and read from
 * any thread as an immutable {@link Snapshot}.
 *
 * <p>Loss follows RFC 3550 appendix A.3: packets expected (from the extended highest sequence
 * number and the first one) minus packets received, duplicates excluded. A confirmed restart of
 * the source's sequence numbers (a jump of at least {@value RtpSequence#MAX_DROPOUT} forward or
 * more than {@value RtpSequence#MAX_MISORDER} backward, followed by its successor) starts a new
 * count and keeps the loss accumulated so far. Interarrival jitter follows RFC 3550 section 6.4.1
 * with a 90 kHz clock: {@code J += (|D| - J) / 16} where {@code D} is the difference of the
 * arrival-time spacing and the RTP-timestamp spacing of consecutive arrivals.
 *
 * <p>{@link #record} is called by one thread at a time (the stream's event loop).
 */
public final class RtpStreamStats {
    /** Clock rate of the timestamps of GB28181 video (PS) streams. */
    public static final int VIDEO_CLOCK_RATE = 90_000;

    private static final double NANOS_PER_SECOND = 1e9;

    /**
     * Counters of one stream at one instant.
     *
     * @param packets    packets received, duplicates excluded
     * @param bytes      payload bytes of those packets
     * @param lost       packets expected but never received (never negative)
     * @param duplicates packets received more than once
     * @param reordered  packets that arrived after a packet with a higher sequence number
     * @param jitter     interarrival jitter in 90 kHz timestamp units
     */
    public record Snapshot(long packets, long bytes, long lost, long duplicates, long reordered,
                           double jitter) {

        /** Jitter in milliseconds. */
        public double jitterMillis() {
            return jitter * 1000.0 / VIDEO_CLOCK_RATE;
        }
    }

    private final StampedLock lock = new StampedLock();
    private final double ticksPerNano;

    private long packets;
    private long bytes;
    private long duplicates;
    private long reordered;
    private double jitter;

    private boolean started;
    private int maxSequence;
    private long cycles;
    private long baseSequence;
    private long receivedSinceBase;
    private long lostBeforeRestart;
    private int restartCandidate = -1;

    private long lastArrivalNanos;
    private long lastTimestamp;

    /** Statistics with a 90 kHz RTP clock. */
    public RtpStreamStats() {
        this(VIDEO_CLOCK_RATE);
    }

    /** Statistics for a stream whose RTP timestamps run at {@code clockRate} Hz. */
    public RtpStreamStats(int clockRate) {
        if (clockRate <= 0) {
            throw new IllegalArgumentException("clock rate must be positive, got " + clockRate);
        }
        this.ticksPerNano = clockRate / NANOS_PER_SECOND;
    }

    /**
     * Records one arrival.
     *
     * @param header       the packet's header
     * @param arrivalNanos arrival time on a monotonic clock ({@link System#nanoTime()})
     * @param duplicate    true when the packet was recognised as a duplicate (only counted)
     */
    public void record(RtpHeader header, long arrivalNanos, boolean duplicate) {
        long stamp = lock.writeLock();
        try {
            if (duplicate) {
                duplicates++;
                return;
            }
            if (!updateSequence(header.sequence())) {
                return;
            }
            packets++;
            bytes += header.payloadLength();
            updateJitter(header.timestamp(), arrivalNanos);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The counters now, consistent with each other. */
    public Snapshot snapshot() {
        long stamp = lock.tryOptimisticRead();
        Snapshot snapshot = read();
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                snapshot = read();
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return snapshot;
    }

    private Snapshot read() {
        return new Snapshot(packets, bytes, lostBeforeRestart + lostSinceBase(), duplicates,
                reordered, jitter);
    }

    private long lostSinceBase() {
        if (!started) {
            return 0;
        }
        long expected = cycles + maxSequence - baseSequence + 1;
        return Math.max(0, expected - receivedSinceBase);
    }

    /** RFC 3550 A.1 sequence tracking; false when the packet is a not yet confirmed far jump. */
    private boolean updateSequence(int seq) {
        int forward = (seq - maxSequence) & 0xFFFF;
        if (!started) {
            started = true;
            restart(seq);
        } else if (forward < RtpSequence.MAX_DROPOUT) {
            if (seq < maxSequence) {
                cycles += RtpSequence.MODULUS;
            }
            maxSequence = seq;
        } else if (forward <= RtpSequence.MODULUS - RtpSequence.MAX_MISORDER) {
            if (seq != restartCandidate) {
                restartCandidate = RtpSequence.add(seq, 1);
                return false;
            }
            lostBeforeRestart += lostSinceBase();
            restart(seq);
        } else {
            reordered++;
        }
        restartCandidate = -1;
        receivedSinceBase++;
        return true;
    }

    private void restart(int seq) {
        maxSequence = seq;
        baseSequence = seq;
        cycles = 0;
        receivedSinceBase = 0;
        restartCandidate = -1;
    }

    private void updateJitter(long timestamp, long arrivalNanos) {
        if (packets > 1) {
            double arrivalSpacing = (arrivalNanos - lastArrivalNanos) * ticksPerNano;
            int timestampSpacing = (int) (timestamp - lastTimestamp);
            double d = Math.abs(arrivalSpacing - timestampSpacing);
            jitter += (d - jitter) / 16.0;
        }
        lastArrivalNanos = arrivalNanos;
        lastTimestamp = timestamp;
    }
}
