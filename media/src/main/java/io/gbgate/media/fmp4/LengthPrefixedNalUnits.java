package io.gbgate.media.fmp4;

import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;

/**
 * Converts an Annex B picture into the 4-byte length-prefixed form of ISO/IEC 14496-15 (MP4
 * samples, FLV NALU tags). Parameter sets and access unit delimiters are left out: they travel in
 * the decoder configuration record. Not thread-safe (it reuses one cursor).
 */
public final class LengthPrefixedNalUnits {
    private final AnnexBCursor cursor = new AnnexBCursor();

    /**
     * Appends the picture NAL units of {@code annexB}'s readable bytes to {@code out}, each behind
     * its 4-byte big-endian length. {@code annexB}'s indices are not changed.
     *
     * @return bytes appended; 0 when the unit holds no picture data
     */
    public int write(Codec codec, ByteBuf annexB, ByteBuf out) {
        int before = out.writerIndex();
        cursor.reset(annexB);
        while (cursor.next()) {
            if (ParameterSets.isParameterSetOrDelimiter(codec, cursor.headerByte())) {
                continue;
            }
            out.writeInt(cursor.length());
            out.writeBytes(annexB, cursor.start(), cursor.length());
        }
        return out.writerIndex() - before;
    }
}
