package io.gbgate.media.fmp4;

/** Four-character codes of the ISO BMFF boxes and sample entries this package writes. */
final class BoxTypes {
    static final int FTYP = BoxWriter.fourcc("ftyp");
    static final int MOOV = BoxWriter.fourcc("moov");
    static final int MVHD = BoxWriter.fourcc("mvhd");
    static final int TRAK = BoxWriter.fourcc("trak");
    static final int TKHD = BoxWriter.fourcc("tkhd");
    static final int MDIA = BoxWriter.fourcc("mdia");
    static final int MDHD = BoxWriter.fourcc("mdhd");
    static final int HDLR = BoxWriter.fourcc("hdlr");
    static final int MINF = BoxWriter.fourcc("minf");
    static final int VMHD = BoxWriter.fourcc("vmhd");
    static final int DINF = BoxWriter.fourcc("dinf");
    static final int DREF = BoxWriter.fourcc("dref");
    static final int URL = BoxWriter.fourcc("url ");
    static final int STBL = BoxWriter.fourcc("stbl");
    static final int STSD = BoxWriter.fourcc("stsd");
    static final int STTS = BoxWriter.fourcc("stts");
    static final int STSC = BoxWriter.fourcc("stsc");
    static final int STSZ = BoxWriter.fourcc("stsz");
    static final int STCO = BoxWriter.fourcc("stco");
    static final int MVEX = BoxWriter.fourcc("mvex");
    static final int TREX = BoxWriter.fourcc("trex");
    static final int MOOF = BoxWriter.fourcc("moof");
    static final int MFHD = BoxWriter.fourcc("mfhd");
    static final int TRAF = BoxWriter.fourcc("traf");
    static final int TFHD = BoxWriter.fourcc("tfhd");
    static final int TFDT = BoxWriter.fourcc("tfdt");
    static final int TRUN = BoxWriter.fourcc("trun");
    static final int MDAT = BoxWriter.fourcc("mdat");

    static final int AVC1 = BoxWriter.fourcc("avc1");
    static final int AVCC = BoxWriter.fourcc("avcC");
    static final int HVC1 = BoxWriter.fourcc("hvc1");
    static final int HVCC = BoxWriter.fourcc("hvcC");

    static final int VIDE = BoxWriter.fourcc("vide");
    static final int ISO6 = BoxWriter.fourcc("iso6");
    static final int ISO5 = BoxWriter.fourcc("iso5");
    static final int CMFC = BoxWriter.fourcc("cmfc");
    static final int MP41 = BoxWriter.fourcc("mp41");

    private BoxTypes() {
    }
}
