package io.gbgate.media.flv;

import io.netty.buffer.ByteBuf;

/**
 * Writes the FLV container framing (FLV 10.1 spec, annex E): the file header and tags, each tag
 * followed by its PreviousTagSize. A tag is written by {@link #beginTag}, then its body straight
 * into the buffer, then {@link #endTag}, which patches the DataSize. Not thread-safe; one tag at a
 * time.
 */
final class FlvTagWriter {
    static final int TAG_AUDIO = 8;
    static final int TAG_VIDEO = 9;
    static final int TAG_SCRIPT_DATA = 18;
    static final int TAG_HEADER_BYTES = 11;
    static final int FILE_HEADER_BYTES = 9;
    private static final int FLAG_AUDIO = 0x04;
    private static final int FLAG_VIDEO = 0x01;
    private static final int MAX_DATA_SIZE = 0xFFFFFF;

    private FlvTagWriter() {
    }

    /** 'FLV', version 1, the stream flags, header size, then PreviousTagSize0 = 0. */
    static void writeFileHeader(boolean audio, boolean video, ByteBuf out) {
        out.writeByte('F').writeByte('L').writeByte('V');
        out.writeByte(1);
        out.writeByte((audio ? FLAG_AUDIO : 0) | (video ? FLAG_VIDEO : 0));
        out.writeInt(FILE_HEADER_BYTES);
        out.writeInt(0);
    }

    /**
     * Writes a tag header with a placeholder size.
     *
     * @param timestampMillis the tag time in milliseconds (lower 32 bits are kept, as FLV does)
     * @return the index of the tag, to pass to {@link #endTag}
     */
    static int beginTag(int tagType, long timestampMillis, ByteBuf out) {
        int start = out.writerIndex();
        out.writeByte(tagType);
        out.writeMedium(0); // DataSize, patched by endTag
        out.writeMedium((int) (timestampMillis & 0xFFFFFF));
        out.writeByte((int) (timestampMillis >>> 24) & 0xFF); // TimestampExtended
        out.writeMedium(0); // StreamID
        return start;
    }

    /** Overwrites the timestamp of the tag begun at {@code tagStart}. */
    static void setTimestamp(int tagStart, long timestampMillis, ByteBuf out) {
        out.setMedium(tagStart + 4, (int) (timestampMillis & 0xFFFFFF));
        out.setByte(tagStart + 7, (int) (timestampMillis >>> 24) & 0xFF);
    }

    /** Patches the DataSize of the tag begun at {@code tagStart} and appends its PreviousTagSize. */
    static void endTag(int tagStart, ByteBuf out) {
        int dataSize = out.writerIndex() - tagStart - TAG_HEADER_BYTES;
        if (dataSize > MAX_DATA_SIZE) {
            throw new IllegalArgumentException("FLV tag body of " + dataSize + " bytes exceeds 24 bits");
        }
        out.setMedium(tagStart + 1, dataSize);
        out.writeInt(dataSize + TAG_HEADER_BYTES);
    }
}
