package io.gbgate.media.flv;

import io.netty.buffer.ByteBuf;

/**
 * The fixed part of an ADTS header (ISO/IEC 13818-7 / 14496-3 1.A.2) in front of one AAC frame.
 *
 * @param audioObjectType      MPEG-4 audio object type (ADTS profile + 1; 2 = AAC LC)
 * @param samplingIndex        sampling_frequency_index
 * @param channelConfiguration channel_configuration
 * @param headerLength         7, or 9 when a CRC follows the header
 * @param frameLength          header plus raw frame, in bytes
 */
record AdtsHeader(int audioObjectType, int samplingIndex, int channelConfiguration, int headerLength,
        int frameLength) {
    static final int SAMPLES_PER_FRAME = 1024;
    private static final int[] SAMPLING_RATES = {96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000,
        12000, 11025, 8000, 7350};
    private static final int MIN_HEADER_BYTES = 7;

    /**
     * Parses the header at {@code index}, or returns null when the bytes there are no valid ADTS
     * header (no sync word, reserved sampling index, a frame shorter than its header or longer than
     * the bytes up to {@code limit}).
     */
    static AdtsHeader parse(ByteBuf buf, int index, int limit) {
        if (limit - index < MIN_HEADER_BYTES) {
            return null;
        }
        int b1 = buf.getUnsignedByte(index + 1);
        if (buf.getUnsignedByte(index) != 0xFF || (b1 & 0xF0) != 0xF0) {
            return null;
        }
        boolean protectionAbsent = (b1 & 0x01) != 0;
        int b2 = buf.getUnsignedByte(index + 2);
        int b3 = buf.getUnsignedByte(index + 3);
        int profile = b2 >> 6;
        int samplingIndex = (b2 >> 2) & 0x0F;
        int channels = ((b2 & 0x01) << 2) | (b3 >> 6);
        int frameLength = ((b3 & 0x03) << 11) | (buf.getUnsignedByte(index + 4) << 3)
                | (buf.getUnsignedByte(index + 5) >> 5);
        int headerLength = protectionAbsent ? MIN_HEADER_BYTES : MIN_HEADER_BYTES + 2;
        if (samplingIndex >= SAMPLING_RATES.length || frameLength <= headerLength || index + frameLength > limit) {
            return null;
        }
        return new AdtsHeader(profile + 1, samplingIndex, channels, headerLength, frameLength);
    }

    int samplingRate() {
        return SAMPLING_RATES[samplingIndex];
    }

    /** The 2-byte AudioSpecificConfig (ISO/IEC 14496-3 1.6.2.1) for this stream. */
    int audioSpecificConfig() {
        return audioObjectType << 11 | samplingIndex << 7 | channelConfiguration << 3;
    }
}
