package io.gbgate.media.ts;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * Writes 188-byte transport packets: header with per-PID continuity counter, adaptation field
 * (random_access_indicator, PCR, stuffing) and payload.
 */
final class TsPacketWriter {
    static final int PACKET_SIZE = 188;
    static final int SYNC_BYTE = 0x47;
    static final int HEADER_SIZE = 4;
    static final int MAX_PAYLOAD = PACKET_SIZE - HEADER_SIZE;
    private static final int MAX_PID = 0x1FFF;
    private static final int AF_RANDOM_ACCESS = 0x40;
    private static final int AF_PCR = 0x10;
    private static final int PCR_SIZE = 6;
    /** 0xFF stuffing bytes, copied in bulk. */
    private static final byte[] STUFFING = filledWith((byte) 0xFF, MAX_PAYLOAD);

    private final byte[] continuity = new byte[MAX_PID + 1];
    private long packetsWritten;

    long packetsWritten() {
        return packetsWritten;
    }

    /** One PSI section in one packet: pointer_field 0, the section, 0xFF stuffing. */
    void writeSection(ByteBuf out, int pid, byte[] section) {
        if (section.length + 1 > MAX_PAYLOAD) {
            throw new IllegalArgumentException("section does not fit one packet: " + section.length);
        }
        writeHeader(out, pid, true, false);
        out.writeByte(0); // pointer_field
        out.writeBytes(section);
        out.writeBytes(STUFFING, 0, MAX_PAYLOAD - 1 - section.length);
        packetsWritten++;
    }

    /**
     * Splits a whole PES into packets. The first packet carries payload_unit_start, the
     * random_access_indicator when asked and the PCR when {@code pcrBase >= 0}; the last one is
     * padded with adaptation-field stuffing.
     */
    void writePes(ByteBuf out, int pid, PesPayload pes, boolean randomAccess, long pcrBase) {
        boolean first = true;
        while (pes.remaining() > 0) {
            boolean withPcr = first && pcrBase >= 0;
            boolean withRai = first && randomAccess;
            int flagsSize = (withPcr || withRai) ? 2 + (withPcr ? PCR_SIZE : 0) : 0;
            int room = MAX_PAYLOAD - flagsSize;
            int payload = Math.min(pes.remaining(), room);
            int adaptationSize = flagsSize + (room - payload);
            writeHeader(out, pid, first, adaptationSize > 0);
            if (adaptationSize > 0) {
                writeAdaptationField(out, adaptationSize, withRai, withPcr ? pcrBase : -1);
            }
            pes.copyTo(out, payload);
            packetsWritten++;
            first = false;
        }
    }

    private void writeHeader(ByteBuf out, int pid, boolean unitStart, boolean adaptation) {
        int cc = continuity[pid];
        continuity[pid] = (byte) ((cc + 1) & 0x0F);
        out.writeInt(SYNC_BYTE << 24
                | (unitStart ? 0x40_0000 : 0)
                | pid << 8
                | (adaptation ? 0x30 : 0x10) // not scrambled, payload present
                | cc);
    }

    /** An adaptation field of exactly {@code size} bytes including its length byte. */
    private static void writeAdaptationField(ByteBuf out, int size, boolean randomAccess, long pcrBase) {
        out.writeByte(size - 1);
        if (size == 1) {
            return;
        }
        int flags = (randomAccess ? AF_RANDOM_ACCESS : 0) | (pcrBase >= 0 ? AF_PCR : 0);
        out.writeByte(flags);
        int written = 2;
        if (pcrBase >= 0) {
            long base = pcrBase & PesHeader.TIMESTAMP_MASK;
            out.writeInt((int) (base >>> 1));
            out.writeShort((int) ((base & 1) << 15) | 0x7E00); // 6 reserved bits, extension 0
            written += PCR_SIZE;
        }
        out.writeBytes(STUFFING, 0, size - written);
    }

    private static byte[] filledWith(byte value, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
