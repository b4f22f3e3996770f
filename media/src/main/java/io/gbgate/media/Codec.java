package io.gbgate.media;

/** Elementary stream codecs that cross the media plane. */
public enum Codec {
    H264(true, 0x1B),
    H265(true, 0x24),
    G711A(false, 0x90),
    G711U(false, 0x91),
    AAC(false, 0x0F);

    private static final Codec[] ALL = values();

    private final boolean video;
    private final int mpegStreamType;

    Codec(boolean video, int mpegStreamType) {
        this.video = video;
        this.mpegStreamType = mpegStreamType;
    }

    public boolean isVideo() {
        return video;
    }

    /** stream_type as used in MPEG-2 PSM/PMT (GB28181 uses 0x90/0x91 for G.711A/U). */
    public int mpegStreamType() {
        return mpegStreamType;
    }

    /** Codec for an MPEG-2 stream_type, or null when it is not one we carry. */
    public static Codec fromMpegStreamType(int streamType) {
        for (Codec c : ALL) {
            if (c.mpegStreamType == streamType) {
                return c;
            }
        }
        return null;
    }
}
