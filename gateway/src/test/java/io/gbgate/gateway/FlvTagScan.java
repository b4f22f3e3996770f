package io.gbgate.gateway;

/**
 * The tag structure of the start of an FLV stream (cut off anywhere): video tags, how many of them
 * are enhanced-FLV HEVC ({@code hvc1}) and the timestamp of the last complete one.
 */
record FlvTagScan(int videoTags, int hevcTags, long lastVideoMillis) {
    private static final int HEVC_FOURCC = ('h' << 24) | ('v' << 16) | ('c' << 8) | '1';

    static FlvTagScan of(byte[] flv) {
        if (flv.length < 13 || flv[0] != 'F' || flv[1] != 'L' || flv[2] != 'V') {
            throw new AssertionError("no FLV header");
        }
        int at = 9 + 4;
        int video = 0;
        int hevc = 0;
        long last = -1;
        while (at + 11 <= flv.length) {
            int type = flv[at] & 0x1F;
            int size = u24(flv, at + 1);
            if (at + 11 + size + 4 > flv.length) {
                break; // cut off
            }
            long millis = u24(flv, at + 4) | ((long) (flv[at + 7] & 0xFF) << 24);
            int previous = (int) u32(flv, at + 11 + size);
            if (previous != 11 + size) {
                throw new AssertionError("PreviousTagSize " + previous + " after a tag of " + (11 + size) + " bytes at " + at);
            }
            if (type == 9 && size >= 5) {
                video++;
                int first = flv[at + 11] & 0xFF;
                if ((first & 0x80) != 0 && (int) u32(flv, at + 12) == HEVC_FOURCC) {
                    hevc++;
                }
                last = millis;
            } else if (type != 8 && type != 18 && type != 9) {
                throw new AssertionError("unknown tag type " + type + " at " + at);
            }
            at += 11 + size + 4;
        }
        return new FlvTagScan(video, hevc, last);
    }

    private static int u24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
    }

    private static long u32(byte[] b, int at) {
        return ((long) (b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
