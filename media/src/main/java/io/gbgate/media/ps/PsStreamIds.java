package io.gbgate.media.ps;

/** Start code values (the byte after 00 00 01) that occur at the top level of an MPEG-2 program stream. */
final class PsStreamIds {
    static final int PROGRAM_END = 0xB9;
    static final int PACK_HEADER = 0xBA;
    static final int SYSTEM_HEADER = 0xBB;
    static final int PROGRAM_STREAM_MAP = 0xBC;
    static final int PRIVATE_STREAM_1 = 0xBD;
    static final int PADDING = 0xBE;
    static final int PRIVATE_STREAM_2 = 0xBF;
    static final int FIRST_AUDIO = 0xC0;
    static final int LAST_AUDIO = 0xDF;
    static final int FIRST_VIDEO = 0xE0;
    static final int LAST_VIDEO = 0xEF;

    /** Stream id the muxer uses for video, as GB28181 devices do. */
    static final int VIDEO = FIRST_VIDEO;
    /** Stream id the muxer uses for audio, as GB28181 devices do. */
    static final int AUDIO = FIRST_AUDIO;

    private PsStreamIds() {
    }

    static boolean isVideo(int streamId) {
        return streamId >= FIRST_VIDEO && streamId <= LAST_VIDEO;
    }

    static boolean isAudio(int streamId) {
        return streamId >= FIRST_AUDIO && streamId <= LAST_AUDIO;
    }

    /** Every start code from 0xBB up carries a 16-bit length after it. */
    static boolean isLengthPrefixed(int streamId) {
        return streamId >= SYSTEM_HEADER;
    }
}
