package io.gbgate.media.flv;

import io.gbgate.media.Codec;
import io.gbgate.media.fmp4.AvcDecoderConfigurationRecord;
import io.gbgate.media.fmp4.HevcDecoderConfigurationRecord;
import io.gbgate.media.fmp4.ParameterSets;
import io.netty.buffer.ByteBuf;

/**
 * The FLV tag bodies this package writes: AVC video (codec id 7), HEVC as enhanced RTMP/FLV
 * (FourCC {@code hvc1}), AAC (sound format 10), G.711 A-law/µ-law (sound formats 7/8, 8 kHz
 * mono) and the onMetaData script tag. Each method writes a whole tag including its
 * PreviousTagSize.
 */
final class FlvTags {
    static final int AVC_CODEC_ID = 7;
    static final int AAC_SOUND_FORMAT = 10;
    static final int G711A_SOUND_FORMAT = 7;
    static final int G711U_SOUND_FORMAT = 8;
    /** Enhanced RTMP: FourCC 'hvc1', also the videocodecid of onMetaData. */
    static final int HVC1_FOURCC = 'h' << 24 | 'v' << 16 | 'c' << 8 | '1';
    private static final int KEY_FRAME = 1;
    private static final int INTER_FRAME = 2;
    private static final int AVC_SEQUENCE_HEADER = 0;
    private static final int AVC_NALU = 1;
    private static final int EX_HEADER = 0x80;
    private static final int EX_SEQUENCE_START = 0;
    private static final int EX_CODED_FRAMES = 1;
    /** AAC: 44 kHz, 16-bit, stereo flags, as the FLV spec requires for sound format 10. */
    private static final int AAC_SOUND_FLAGS = 0x0F;
    /** G.711: rate bits 0 (the 8 kHz is implied), 16-bit, mono: what FFmpeg writes. */
    private static final int G711_SOUND_FLAGS = 0x02;
    private static final int AAC_SEQUENCE_HEADER = 0;
    private static final int AAC_RAW = 1;
    private static final long MAX_COMPOSITION_MILLIS = 0x7FFFFF;

    private FlvTags() {
    }

    static void videoSequenceHeader(ParameterSets sets, long timestampMillis, ByteBuf out) {
        int tag = FlvTagWriter.beginTag(FlvTagWriter.TAG_VIDEO, timestampMillis, out);
        if (sets.codec() == Codec.H264) {
            out.writeByte(KEY_FRAME << 4 | AVC_CODEC_ID);
            out.writeByte(AVC_SEQUENCE_HEADER);
            out.writeMedium(0);
            AvcDecoderConfigurationRecord.write(sets, out);
        } else {
            out.writeByte(EX_HEADER | KEY_FRAME << 4 | EX_SEQUENCE_START);
            out.writeInt(HVC1_FOURCC);
            HevcDecoderConfigurationRecord.write(sets, out);
        }
        FlvTagWriter.endTag(tag, out);
    }

    /**
     * Writes the header of a video frame tag up to where the length-prefixed NAL units go; the
     * times are filled in by {@link #endVideoFrame} once the frame is known to be good.
     *
     * @return the tag start
     */
    static int beginVideoFrame(Codec codec, boolean keyframe, ByteBuf out) {
        int tag = FlvTagWriter.beginTag(FlvTagWriter.TAG_VIDEO, 0, out);
        int frameType = keyframe ? KEY_FRAME : INTER_FRAME;
        if (codec == Codec.H264) {
            out.writeByte(frameType << 4 | AVC_CODEC_ID);
            out.writeByte(AVC_NALU);
        } else {
            out.writeByte(EX_HEADER | frameType << 4 | EX_CODED_FRAMES);
            out.writeInt(HVC1_FOURCC);
        }
        out.writeMedium(0); // SI24 composition time
        return tag;
    }

    /** Sets the time and composition offset (milliseconds, at most 2^23 - 1) of a video frame tag and ends it. */
    static void endVideoFrame(Codec codec, int tagStart, long timestampMillis, long compositionMillis, ByteBuf out) {
        FlvTagWriter.setTimestamp(tagStart, timestampMillis, out);
        int body = tagStart + FlvTagWriter.TAG_HEADER_BYTES;
        int compositionIndex = codec == Codec.H264 ? body + 2 : body + 5;
        out.setMedium(compositionIndex, (int) Math.min(compositionMillis, MAX_COMPOSITION_MILLIS));
        FlvTagWriter.endTag(tagStart, out);
    }

    static void aacSequenceHeader(AdtsHeader aac, long timestampMillis, ByteBuf out) {
        int tag = FlvTagWriter.beginTag(FlvTagWriter.TAG_AUDIO, timestampMillis, out);
        out.writeByte(AAC_SOUND_FORMAT << 4 | AAC_SOUND_FLAGS);
        out.writeByte(AAC_SEQUENCE_HEADER);
        out.writeShort(aac.audioSpecificConfig());
        FlvTagWriter.endTag(tag, out);
    }

    static void aacFrame(ByteBuf source, int index, int length, long timestampMillis, ByteBuf out) {
        int tag = FlvTagWriter.beginTag(FlvTagWriter.TAG_AUDIO, timestampMillis, out);
        out.writeByte(AAC_SOUND_FORMAT << 4 | AAC_SOUND_FLAGS);
        out.writeByte(AAC_RAW);
        out.writeBytes(source, index, length);
        FlvTagWriter.endTag(tag, out);
    }

    static void g711Frame(Codec codec, ByteBuf source, long timestampMillis, ByteBuf out) {
        int tag = FlvTagWriter.beginTag(FlvTagWriter.TAG_AUDIO, timestampMillis, out);
        out.writeByte(soundFormat(codec) << 4 | G711_SOUND_FLAGS);
        out.writeBytes(source, source.readerIndex(), source.readableBytes());
        FlvTagWriter.endTag(tag, out);
    }

    /** onMetaData with what is known of the stream (live: no duration or file size). */
    static void metadata(FlvStreamConfig config, ByteBuf out) {
        int tag = FlvTagWriter.beginTag(FlvTagWriter.TAG_SCRIPT_DATA, 0, out);
        Amf0Writer amf = new Amf0Writer(out).string("onMetaData").beginEcmaArray();
        if (config.video() != null) {
            amf.property("width", config.video().width())
                    .property("height", config.video().height())
                    .property("videocodecid", config.video().codec() == Codec.H264 ? AVC_CODEC_ID : HVC1_FOURCC);
            if (config.video().fps() > 0) {
                amf.property("framerate", config.video().fps());
            }
        }
        if (config.audioCodec() != null) {
            boolean aac = config.aac() != null;
            amf.property("audiocodecid", soundFormat(config.audioCodec()))
                    .property("audiosamplerate", aac ? config.aac().samplingRate() : 8000)
                    .property("audiosamplesize", 16)
                    .property("stereo", aac && config.aac().channelConfiguration() > 1);
        }
        amf.property("encoder", "gbgate").endEcmaArray();
        FlvTagWriter.endTag(tag, out);
    }

    static int soundFormat(Codec codec) {
        return switch (codec) {
            case AAC -> AAC_SOUND_FORMAT;
            case G711A -> G711A_SOUND_FORMAT;
            case G711U -> G711U_SOUND_FORMAT;
            default -> throw new IllegalArgumentException("no FLV sound format for " + codec);
        };
    }
}
