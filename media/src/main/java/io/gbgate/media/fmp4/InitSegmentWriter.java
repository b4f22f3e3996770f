package io.gbgate.media.fmp4;

import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;

/**
 * Writes an fMP4 initialization segment: {@code ftyp} and a {@code moov} with one video track
 * (avc1/avcC or hvc1/hvcC), empty sample tables and {@code mvex/trex} announcing fragments.
 */
final class InitSegmentWriter {
    static final int TRACK_ID = 1;
    private static final int MOVIE_TIMESCALE = 1000;
    private static final int TRACK_ENABLED_IN_MOVIE = 0x3;
    private static final int LANGUAGE_UND = 0x55C4;
    private static final int DPI_72 = 0x00480000;
    private static final int DEPTH_24_BIT = 0x0018;
    private static final int COMPRESSOR_NAME_BYTES = 32;

    private InitSegmentWriter() {
    }

    static void write(Fmp4Track track, ByteBuf out) {
        BoxWriter w = new BoxWriter(out);
        w.open(BoxTypes.FTYP).fourcc(BoxTypes.ISO6).u32(0)
                .fourcc(BoxTypes.ISO6).fourcc(BoxTypes.ISO5).fourcc(BoxTypes.CMFC).fourcc(BoxTypes.MP41).close();
        w.open(BoxTypes.MOOV);
        writeMovieHeader(w);
        w.open(BoxTypes.TRAK);
        writeTrackHeader(w, track);
        w.open(BoxTypes.MDIA);
        w.openFull(BoxTypes.MDHD, 0, 0).u32(0).u32(0).u32(Fmp4Track.TIMESCALE).u32(0).u16(LANGUAGE_UND).u16(0).close();
        w.openFull(BoxTypes.HDLR, 0, 0).u32(0).fourcc(BoxTypes.VIDE).zeros(12).cString("VideoHandler").close();
        w.open(BoxTypes.MINF);
        w.openFull(BoxTypes.VMHD, 0, 1).u16(0).zeros(6).close();
        w.open(BoxTypes.DINF).openFull(BoxTypes.DREF, 0, 0).u32(1).openFull(BoxTypes.URL, 0, 1).close().close().close();
        writeSampleTable(w, track);
        w.close(); // minf
        w.close(); // mdia
        w.close(); // trak
        w.open(BoxTypes.MVEX)
                .openFull(BoxTypes.TREX, 0, 0).u32(TRACK_ID).u32(1).u32(0).u32(0).u32(0).close()
                .close();
        w.close(); // moov
    }

    private static void writeMovieHeader(BoxWriter w) {
        w.openFull(BoxTypes.MVHD, 0, 0)
                .u32(0).u32(0) // creation, modification time
                .u32(MOVIE_TIMESCALE).u32(0) // duration unknown: fragments follow
                .fixed16(1) // rate 1.0
                .u16(0x0100) // volume 1.0
                .zeros(2 + 8) // reserved
                .unityMatrix()
                .zeros(24) // pre_defined
                .u32(TRACK_ID + 1) // next_track_ID
                .close();
    }

    private static void writeTrackHeader(BoxWriter w, Fmp4Track track) {
        w.openFull(BoxTypes.TKHD, 0, TRACK_ENABLED_IN_MOVIE)
                .u32(0).u32(0) // creation, modification time
                .u32(TRACK_ID).u32(0) // track_ID, reserved
                .u32(0) // duration
                .zeros(8) // reserved
                .u16(0).u16(0).u16(0).u16(0) // layer, alternate_group, volume, reserved
                .unityMatrix()
                .fixed16(track.video().width()).fixed16(track.video().height())
                .close();
    }

    private static void writeSampleTable(BoxWriter w, Fmp4Track track) {
        w.open(BoxTypes.STBL);
        w.openFull(BoxTypes.STSD, 0, 0).u32(1);
        writeVisualSampleEntry(w, track);
        w.close(); // stsd
        w.openFull(BoxTypes.STTS, 0, 0).u32(0).close();
        w.openFull(BoxTypes.STSC, 0, 0).u32(0).close();
        w.openFull(BoxTypes.STSZ, 0, 0).u32(0).u32(0).close();
        w.openFull(BoxTypes.STCO, 0, 0).u32(0).close();
        w.close(); // stbl
    }

    /** VisualSampleEntry (ISO/IEC 14496-12 12.1.3) with its decoder configuration box. */
    private static void writeVisualSampleEntry(BoxWriter w, Fmp4Track track) {
        boolean h264 = track.codec() == Codec.H264;
        w.open(h264 ? BoxTypes.AVC1 : BoxTypes.HVC1)
                .zeros(6).u16(1) // reserved, data_reference_index
                .zeros(16) // pre_defined, reserved, pre_defined[3]
                .u16(track.video().width()).u16(track.video().height())
                .u32(DPI_72).u32(DPI_72)
                .u32(0) // reserved
                .u16(1) // frame_count
                .zeros(COMPRESSOR_NAME_BYTES)
                .u16(DEPTH_24_BIT).u16(0xFFFF); // depth, pre_defined = -1
        w.open(h264 ? BoxTypes.AVCC : BoxTypes.HVCC);
        if (h264) {
            AvcDecoderConfigurationRecord.write(track.parameterSets(), w.buffer());
        } else {
            HevcDecoderConfigurationRecord.write(track.parameterSets(), w.buffer());
        }
        w.close(); // avcC / hvcC
        w.close(); // sample entry
    }
}
