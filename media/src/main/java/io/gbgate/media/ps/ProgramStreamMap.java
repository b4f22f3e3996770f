package io.gbgate.media.ps;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The elementary_stream_id to stream_type table of a program stream map (start code 0xBC).
 * Parsing is lenient the way devices need it: the CRC is not checked (many cameras write zeros),
 * an entry whose descriptors overrun the map still counts when its own four bytes are inside, and
 * an entry hidden in its predecessor's descriptors is recovered (see {@link #descriptorLoopEnd}).
 */
final class ProgramStreamMap {
    /** stream_type value meaning "not declared". */
    static final int UNDECLARED = -1;
    private static final int CRC_BYTES = 4;

    private final int[] streamTypeById = new int[256];

    ProgramStreamMap() {
        clear();
    }

    void clear() {
        Arrays.fill(streamTypeById, UNDECLARED);
    }

    /** The declared stream_type of a stream id, or {@link #UNDECLARED}. */
    int streamType(int streamId) {
        return streamTypeById[streamId & 0xFF];
    }

    /**
     * Replaces the table with the PSM packet at {@code start} (start code included, {@code length}
     * bytes in all). Returns false and keeps the previous table when the packet is malformed.
     */
    boolean update(ByteBuf buf, int start, int length) {
        int end = start + length - CRC_BYTES;
        int p = start + 6 + 2; // start code, length, current_next/version, marker byte
        if (p + 2 > end) {
            return false;
        }
        p += 2 + buf.getUnsignedShort(p); // program_stream_info
        if (p + 2 > end) {
            return false;
        }
        int mapEnd = p + 2 + buf.getUnsignedShort(p);
        p += 2;
        if (mapEnd > end) {
            return false;
        }
        clear();
        while (p + 4 <= mapEnd) {
            int streamType = buf.getUnsignedByte(p);
            int streamId = buf.getUnsignedByte(p + 1);
            streamTypeById[streamId] = streamType;
            int infoEnd = Math.min(mapEnd, p + 4 + buf.getUnsignedShort(p + 2));
            p = descriptorLoopEnd(buf, p + 4, infoEnd);
        }
        return true;
    }

    /**
     * End of the descriptor loop in [from, to): {@code to}, unless a descriptor overruns it. Some
     * Hikvision cameras count the next elementary stream entry (the audio one) into the previous
     * entry's ES_info_length; its first bytes then read as a descriptor whose length overruns, and
     * the walk resumes at that descriptor so the hidden entry is found.
     */
    private static int descriptorLoopEnd(ByteBuf buf, int from, int to) {
        int p = from;
        while (p + 2 <= to) {
            int next = p + 2 + buf.getUnsignedByte(p + 1);
            if (next > to) {
                return p;
            }
            p = next;
        }
        return to;
    }
}
