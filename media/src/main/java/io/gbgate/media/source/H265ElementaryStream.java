package io.gbgate.media.source;

import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * An H.265 Annex B elementary stream (as {@code ffmpeg -c:v libx265 -f hevc} writes it) cut into
 * access units, for simulated H.265 cameras and tests. A new access unit starts at an access unit
 * delimiter, at a VPS/SPS/PPS/prefix SEI after a picture, or at a slice whose
 * {@code first_slice_segment_in_pic_flag} is set after a picture.
 */
public final class H265ElementaryStream {
    private static final int PREFIX_SEI = 39;

    /** One access unit: where it lies in the stream and whether it starts with an IRAP picture. */
    public record Picture(int offset, int length, boolean keyframe) {
    }

    private final byte[] bytes;
    private final List<Picture> pictures;

    private H265ElementaryStream(byte[] bytes, List<Picture> pictures) {
        this.bytes = bytes;
        this.pictures = List.copyOf(pictures);
    }

    /**
     * Splits {@code annexB}.
     *
     * @throws IllegalArgumentException when it holds no H.265 picture or does not start with a keyframe
     */
    public static H265ElementaryStream parse(byte[] annexB) {
        ByteBuf buf = Unpooled.wrappedBuffer(annexB);
        List<Picture> pictures = new ArrayList<>();
        int end = annexB.length;
        int auStart = -1;
        boolean auHasPicture = false;
        boolean auKey = false;
        int startCode = NalUnits.findStartCode(buf, 0, end);
        while (startCode >= 0) {
            int nalStart = startCode + 3;
            int next = NalUnits.findStartCode(buf, nalStart, end);
            if (nalStart + 2 < (next < 0 ? end : next)) {
                int type = NalUnits.h265Type(annexB[nalStart]);
                boolean vcl = NalUnits.isH265Vcl(type);
                boolean firstSlice = vcl && (annexB[nalStart + 2] & 0x80) != 0;
                boolean startsAu = type == NalUnits.H265_AUD || (type >= NalUnits.H265_VPS && type <= PREFIX_SEI)
                        || firstSlice;
                if (auStart >= 0 && auHasPicture && startsAu) {
                    pictures.add(new Picture(auStart, startCode - auStart, auKey));
                    auStart = -1;
                }
                if (auStart < 0) {
                    auStart = startCode;
                    auHasPicture = false;
                    auKey = false;
                }
                if (vcl && !auHasPicture) {
                    auHasPicture = true;
                    auKey = NalUnits.isH265Irap(type);
                }
            }
            startCode = next;
        }
        if (auStart >= 0 && auHasPicture) {
            pictures.add(new Picture(auStart, end - auStart, auKey));
        }
        if (pictures.isEmpty()) {
            throw new IllegalArgumentException("no H.265 picture in " + annexB.length + " bytes");
        }
        if (!pictures.get(0).keyframe()) {
            throw new IllegalArgumentException("the H.265 stream does not start with a keyframe");
        }
        return new H265ElementaryStream(annexB, pictures);
    }

    public byte[] bytes() {
        return bytes;
    }

    public List<Picture> pictures() {
        return pictures;
    }
}
