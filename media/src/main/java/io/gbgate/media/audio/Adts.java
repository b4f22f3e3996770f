package io.gbgate.media.audio;

import io.netty.buffer.ByteBuf;

/** Writes the 7-byte ADTS header (ISO/IEC 13818-7, no CRC) in front of one raw AAC-LC frame. */
final class Adts {
    static final int HEADER_BYTES = 7;
    private static final int[] SAMPLING_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
        12000, 11025, 8000, 7350};
    private static final int AAC_LC_PROFILE = 1; // audio object type 2 minus one
    private static final int MAX_FRAME_BYTES = (1 << 13) - 1;

    private Adts() {
    }

    /** Appends the header of a frame of {@code rawBytes} at {@code sampleRate} with {@code channels}. */
    static void writeHeader(int sampleRate, int channels, int rawBytes, ByteBuf out) {
        int index = samplingIndex(sampleRate);
        int frameLength = HEADER_BYTES + rawBytes;
        if (frameLength > MAX_FRAME_BYTES) {
            throw new IllegalArgumentException("AAC frame of " + rawBytes + " bytes does not fit ADTS");
        }
        out.writeByte(0xFF);
        out.writeByte(0xF1); // sync, MPEG-4, layer 0, no CRC
        out.writeByte(AAC_LC_PROFILE << 6 | index << 2 | (channels >> 2) & 0x01);
        out.writeByte((channels & 0x03) << 6 | frameLength >> 11 & 0x03);
        out.writeByte(frameLength >> 3 & 0xFF);
        out.writeByte((frameLength & 0x07) << 5 | 0x1F); // buffer fullness 0x7FF (VBR)
        out.writeByte(0xFC); // rest of the fullness, one raw data block
    }

    static int samplingIndex(int sampleRate) {
        for (int i = 0; i < SAMPLING_RATES.length; i++) {
            if (SAMPLING_RATES[i] == sampleRate) {
                return i;
            }
        }
        throw new IllegalArgumentException("no ADTS sampling index for " + sampleRate + " Hz");
    }
}
