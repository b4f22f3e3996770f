package io.gbgate.media.fmp4;

import io.gbgate.media.Codec;
import io.gbgate.media.codec.MalformedBitstreamException;
import io.netty.buffer.ByteBuf;

/**
 * Writes an AVCDecoderConfigurationRecord (ISO/IEC 14496-15 5.3.3.1): the body of an MP4
 * {@code avcC} box and of an FLV AVC sequence header. NAL unit lengths are announced as 4 bytes.
 * The high-profile extension (chroma format, bit depths) is not written; decoders take those
 * from the SPS.
 */
public final class AvcDecoderConfigurationRecord {
    private static final int CONFIGURATION_VERSION = 1;
    /** reserved '111111'b + lengthSizeMinusOne = 3. */
    private static final int LENGTH_SIZE_BYTE = 0xFF;
    /** reserved '111'b in front of numOfSequenceParameterSets. */
    private static final int SPS_COUNT_RESERVED = 0xE0;
    private static final int MAX_SPS = 31;
    private static final int MAX_PPS = 255;

    private AvcDecoderConfigurationRecord() {
    }

    /** Appends the record for {@code sets} (which must be H.264) to {@code out}. */
    public static void write(ParameterSets sets, ByteBuf out) {
        if (sets.codec() != Codec.H264) {
            throw new IllegalArgumentException("not H.264: " + sets.codec());
        }
        byte[] sps = sets.firstSps();
        if (sps.length < 4) {
            throw new MalformedBitstreamException("H.264 SPS of " + sps.length + " bytes");
        }
        int spsCount = Math.min(sets.sps().size(), MAX_SPS);
        int ppsCount = Math.min(sets.pps().size(), MAX_PPS);
        out.writeByte(CONFIGURATION_VERSION);
        out.writeByte(sps[1]); // AVCProfileIndication
        out.writeByte(sps[2]); // profile_compatibility
        out.writeByte(sps[3]); // AVCLevelIndication
        out.writeByte(LENGTH_SIZE_BYTE);
        out.writeByte(SPS_COUNT_RESERVED | spsCount);
        for (int i = 0; i < spsCount; i++) {
            writeNal(sets.sps().get(i), out);
        }
        out.writeByte(ppsCount);
        for (int i = 0; i < ppsCount; i++) {
            writeNal(sets.pps().get(i), out);
        }
    }

    static void writeNal(byte[] nal, ByteBuf out) {
        if (nal.length > 0xFFFF) {
            throw new MalformedBitstreamException("parameter set of " + nal.length + " bytes");
        }
        out.writeShort(nal.length);
        out.writeBytes(nal);
    }
}
