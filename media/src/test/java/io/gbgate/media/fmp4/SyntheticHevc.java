package io.gbgate.media.fmp4;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.Unpooled;
import java.util.Base64;

/**
 * Test helper: H.265 access units around a real SPS (640x360 Main, from go2rtc's test data). The
 * VPS, PPS and slices are placeholders with the right NAL headers: enough to check how the muxers
 * frame H.265, not decodable. (The LGPL FFmpeg build has no software HEVC encoder to make a real
 * stream with.)
 */
public final class SyntheticHevc {
    public static final byte[] SPS = Base64.getDecoder()
            .decode("QgEBIUAAAAMAkAAAAwAAAwCWoAUCAWlnpbkShc1AQIC4QAAAAwBAAAAFFEn/eEAOpgAV+V8IBBA=");
    public static final byte[] VPS = {0x40, 0x01, 0x0C, 0x01, (byte) 0xFF, (byte) 0xFF};
    public static final byte[] PPS = {0x44, 0x01, (byte) 0xC1, 0x72, (byte) 0xB4, 0x62, 0x40};
    /** IDR_W_RADL (type 19) slice header bytes. */
    public static final byte[] IDR_SLICE = {0x26, 0x01, (byte) 0xAF, 0x11, 0x22, 0x33};
    /** TRAIL_R (type 1) slice header bytes. */
    public static final byte[] TRAIL_SLICE = {0x02, 0x01, (byte) 0xD0, 0x44, 0x55};
    private static final byte[] START_CODE = {0, 0, 0, 1};

    private SyntheticHevc() {
    }

    public static AccessUnit keyframe(long pts) {
        return unit(pts, true, VPS, SPS, PPS, IDR_SLICE);
    }

    public static AccessUnit interFrame(long pts) {
        return unit(pts, false, TRAIL_SLICE);
    }

    private static AccessUnit unit(long pts, boolean keyframe, byte[]... nals) {
        var data = Unpooled.buffer();
        for (byte[] nal : nals) {
            data.writeBytes(START_CODE).writeBytes(nal);
        }
        return new AccessUnit(Codec.H265, pts, pts, keyframe, data);
    }
}
