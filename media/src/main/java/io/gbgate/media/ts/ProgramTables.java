package io.gbgate.media.ts;

import io.gbgate.media.Codec;

/**
 * The PSI sections of a single-program transport stream: a PAT naming one program and its
 * PMT listing the video stream and the optional audio stream. Sections are built once, with
 * their CRC32/MPEG-2, and then only copied into packets.
 */
final class ProgramTables {
    static final int PAT_PID = 0x0000;
    static final int PMT_PID = 0x1000;
    static final int PROGRAM_NUMBER = 1;
    private static final int TABLE_ID_PAT = 0x00;
    private static final int TABLE_ID_PMT = 0x02;
    private static final int TRANSPORT_STREAM_ID = 1;
    private static final int CRC_SIZE = 4;

    private final byte[] pat;
    private final byte[] pmt;

    ProgramTables(Codec video, int videoPid, Codec audioOrNull, int audioPid) {
        this.pat = buildPat();
        this.pmt = buildPmt(video, videoPid, audioOrNull, audioPid);
    }

    /** The PAT section, table_id through CRC (no pointer field). Do not modify. */
    byte[] pat() {
        return pat;
    }

    /** The PMT section, table_id through CRC (no pointer field). Do not modify. */
    byte[] pmt() {
        return pmt;
    }

    private static byte[] buildPat() {
        SectionBuilder s = new SectionBuilder(TABLE_ID_PAT, TRANSPORT_STREAM_ID, 4);
        s.u16(PROGRAM_NUMBER);
        s.u16(0xE000 | PMT_PID); // reserved '111' + program_map_PID
        return s.finish();
    }

    private static byte[] buildPmt(Codec video, int videoPid, Codec audio, int audioPid) {
        int streams = audio == null ? 1 : 2;
        SectionBuilder s = new SectionBuilder(TABLE_ID_PMT, PROGRAM_NUMBER, 4 + 5 * streams);
        s.u16(0xE000 | videoPid); // reserved '111' + PCR_PID: the PCR rides on the video PID
        s.u16(0xF000);            // reserved '1111' + program_info_length 0
        s.elementaryStream(video.mpegStreamType(), videoPid);
        if (audio != null) {
            s.elementaryStream(audio.mpegStreamType(), audioPid);
        }
        return s.finish();
    }

    /** Writes the long-form section header, the caller's body, then the CRC. */
    private static final class SectionBuilder {
        private static final int HEADER_SIZE = 8;
        private final byte[] bytes;
        private int pos;

        SectionBuilder(int tableId, int tableIdExtension, int bodySize) {
            bytes = new byte[HEADER_SIZE + bodySize + CRC_SIZE];
            int sectionLength = bytes.length - 3; // bytes after the section_length field
            bytes[pos++] = (byte) tableId;
            // section_syntax_indicator 1, '0', reserved '11', section_length (12 bits)
            u16(0xB000 | sectionLength);
            u16(tableIdExtension);
            bytes[pos++] = (byte) 0xC1; // reserved '11', version 0, current_next_indicator 1
            bytes[pos++] = 0;           // section_number
            bytes[pos++] = 0;           // last_section_number
        }

        void u16(int value) {
            bytes[pos++] = (byte) (value >>> 8);
            bytes[pos++] = (byte) value;
        }

        void elementaryStream(int streamType, int pid) {
            bytes[pos++] = (byte) streamType;
            u16(0xE000 | pid); // reserved '111' + elementary_PID
            u16(0xF000);       // reserved '1111' + ES_info_length 0
        }

        byte[] finish() {
            if (pos != bytes.length - CRC_SIZE) {
                throw new IllegalStateException("section body size mismatch: " + pos);
            }
            int crc = Crc32Mpeg2.compute(bytes, 0, pos);
            bytes[pos++] = (byte) (crc >>> 24);
            bytes[pos++] = (byte) (crc >>> 16);
            bytes[pos++] = (byte) (crc >>> 8);
            bytes[pos++] = (byte) crc;
            return bytes;
        }
    }
}
