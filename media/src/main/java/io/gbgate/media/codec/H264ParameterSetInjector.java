package io.gbgate.media.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Makes every H.264 keyframe self-contained: remembers the latest SPS and PPS seen in an Annex B
 * stream and puts them in front of a keyframe that arrives without them (encoders that emit the
 * parameter sets only once or only in extradata). An access unit delimiter stays first.
 *
 * <p>Not thread-safe: one instance per stream, used by the stream's producer.
 */
public final class H264ParameterSetInjector {
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private static final int FOUND_SPS = 1;
    private static final int FOUND_PPS = 2;

    private byte[] sps;
    private byte[] pps;

    /** Remembers the SPS and PPS found in the readable bytes of {@code annexB} (e.g. extradata). */
    public void observe(ByteBuf annexB) {
        scan(annexB);
    }

    /** True once both an SPS and a PPS have been seen. */
    public boolean hasParameterSets() {
        return sps != null && pps != null;
    }

    /**
     * Copies the readable bytes of {@code annexB} into a new buffer from {@code allocator}; for a
     * keyframe lacking SPS or PPS the remembered ones are inserted (after a leading access unit
     * delimiter, if any). The caller owns the returned buffer; {@code annexB} is not modified.
     */
    public ByteBuf copy(ByteBuf annexB, boolean keyframe, ByteBufAllocator allocator) {
        int found = scan(annexB);
        boolean complete = (found & FOUND_SPS) != 0 && (found & FOUND_PPS) != 0;
        if (!keyframe || complete || !hasParameterSets()) {
            return allocator.directBuffer(annexB.readableBytes()).writeBytes(annexB, annexB.readerIndex(),
                    annexB.readableBytes());
        }
        int prefix = 2 * START_CODE.length + sps.length + pps.length;
        ByteBuf out = allocator.directBuffer(annexB.readableBytes() + prefix);
        int insertAt = afterLeadingDelimiter(annexB);
        out.writeBytes(annexB, annexB.readerIndex(), insertAt - annexB.readerIndex());
        out.writeBytes(START_CODE).writeBytes(sps).writeBytes(START_CODE).writeBytes(pps);
        out.writeBytes(annexB, insertAt, annexB.writerIndex() - insertAt);
        return out;
    }

    private int scan(ByteBuf buf) {
        int found = 0;
        int end = buf.writerIndex();
        int startCode = NalUnits.findStartCode(buf, buf.readerIndex(), end);
        while (startCode >= 0) {
            int nalStart = startCode + 3;
            int next = NalUnits.findStartCode(buf, nalStart, end);
            int nalEnd = trimTrailingZeros(buf, nalStart, next < 0 ? end : next);
            if (nalStart < nalEnd) {
                int type = NalUnits.h264Type(buf.getByte(nalStart));
                if (type == NalUnits.H264_SPS) {
                    sps = remember(sps, buf, nalStart, nalEnd);
                    found |= FOUND_SPS;
                } else if (type == NalUnits.H264_PPS) {
                    pps = remember(pps, buf, nalStart, nalEnd);
                    found |= FOUND_PPS;
                }
            }
            startCode = next;
        }
        return found;
    }

    /** Keeps the previous array when the parameter set did not change (the usual case). */
    private static byte[] remember(byte[] previous, ByteBuf buf, int from, int to) {
        int length = to - from;
        if (previous != null && previous.length == length) {
            boolean same = true;
            for (int i = 0; i < length && same; i++) {
                same = previous[i] == buf.getByte(from + i);
            }
            if (same) {
                return previous;
            }
        }
        byte[] copy = new byte[length];
        buf.getBytes(from, copy);
        return copy;
    }

    /** A 4-byte start code leaves its first zero at the end of the previous NAL unit. */
    private static int trimTrailingZeros(ByteBuf buf, int from, int to) {
        while (to > from && buf.getByte(to - 1) == 0) {
            to--;
        }
        return to;
    }

    private static int afterLeadingDelimiter(ByteBuf buf) {
        int first = NalUnits.findStartCode(buf, buf.readerIndex(), buf.writerIndex());
        if (first < 0 || first + 3 >= buf.writerIndex()
                || NalUnits.h264Type(buf.getByte(first + 3)) != NalUnits.H264_AUD) {
            return buf.readerIndex();
        }
        int next = NalUnits.findStartCode(buf, first + 3, buf.writerIndex());
        return next < 0 ? buf.writerIndex() : trimTrailingZeros(buf, first + 3, next);
    }
}
