package io.gbgate.media.hls;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One completed HLS media segment: a self-contained MPEG-TS byte sequence that starts with
 * PAT/PMT and a keyframe.
 *
 * <p>The bytes live on the Java heap (unpooled) and are never released, so a segment can be
 * served from any thread for as long as anyone holds it, also after it left the live window.
 * {@link #data()} returns a fresh read-only view with its own indices on every call; releasing
 * it is neither needed nor possible.
 *
 * @param sequence media sequence number, 0 for the first segment of a stream
 * @param durationSeconds playback duration
 * @param data the transport stream (the constructor wraps it read-only and unreleasable)
 */
public record HlsSegment(long sequence, double durationSeconds, ByteBuf data) {
    private static final String NAME_PREFIX = "segment-";
    private static final String NAME_SUFFIX = ".ts";

    public HlsSegment {
        Objects.requireNonNull(data, "data");
        if (sequence < 0 || !(durationSeconds >= 0)) {
            throw new IllegalArgumentException("bad segment " + sequence + " / " + durationSeconds);
        }
        data = Unpooled.unreleasableBuffer(data.asReadOnly());
    }

    /** Wraps {@code bytes} without copying; the caller must not modify them afterwards. */
    static HlsSegment of(long sequence, double durationSeconds, byte[] bytes) {
        return new HlsSegment(sequence, durationSeconds, Unpooled.wrappedBuffer(bytes));
    }

    @Override
    public ByteBuf data() {
        return data.duplicate();
    }

    public int size() {
        return data.readableBytes();
    }

    /** The file name the playlist uses for this segment: {@code segment-<sequence>.ts}. */
    public String fileName() {
        return fileName(sequence);
    }

    public static String fileName(long sequence) {
        return NAME_PREFIX + sequence + NAME_SUFFIX;
    }

    /** The sequence number in a name made by {@link #fileName(long)}, or empty if it is not one. */
    public static OptionalLong parseFileName(String name) {
        if (name == null || !name.startsWith(NAME_PREFIX) || !name.endsWith(NAME_SUFFIX)) {
            return OptionalLong.empty();
        }
        String digits = name.substring(NAME_PREFIX.length(), name.length() - NAME_SUFFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(digits));
    }

    @Override
    public String toString() {
        return "HlsSegment[" + sequence + ", " + durationSeconds + " s, " + size() + " bytes]";
    }
}
