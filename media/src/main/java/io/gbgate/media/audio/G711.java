package io.gbgate.media.audio;

/**
 * G.711 A-law and µ-law expansion to 16-bit linear PCM (ITU-T G.711), by 256-entry tables built once, and
 * A-law compression (for the simulated camera's audio).
 */
public final class G711 {
    private static final short[] ALAW = new short[256];
    private static final short[] ULAW = new short[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALAW[i] = (short) alaw(i);
            ULAW[i] = (short) ulaw(i);
        }
    }

    private G711() {
    }

    /** The linear sample of one A-law byte. */
    public static short alawToLinear(byte code) {
        return ALAW[code & 0xFF];
    }

    /** The linear sample of one µ-law byte. */
    public static short ulawToLinear(byte code) {
        return ULAW[code & 0xFF];
    }

    /** The A-law byte of one linear sample (ITU-T G.711 compression; the expansion of it is the nearest level). */
    public static byte linearToAlaw(short sample) {
        int pcm = sample >> 3; // 13-bit magnitude range
        int sign = pcm >= 0 ? 0xD5 : 0x55;
        int magnitude = pcm >= 0 ? pcm : -pcm - 1;
        int segment = 0;
        while (segment < 8 && magnitude > SEGMENT_ENDS[segment]) {
            segment++;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ sign);
        }
        int mantissa = segment < 2 ? (magnitude >> 1) & 0x0F : (magnitude >> segment) & 0x0F;
        return (byte) (((segment << 4) | mantissa) ^ sign);
    }

    private static final int[] SEGMENT_ENDS = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};

    private static int alaw(int code) {
        int value = code ^ 0x55;
        int mantissa = (value & 0x0F) << 4;
        int segment = (value & 0x70) >> 4;
        int magnitude = switch (segment) {
            case 0 -> mantissa + 8;
            case 1 -> mantissa + 0x108;
            default -> (mantissa + 0x108) << (segment - 1);
        };
        return (value & 0x80) != 0 ? magnitude : -magnitude;
    }

    private static int ulaw(int code) {
        int value = ~code & 0xFF;
        int magnitude = (((value & 0x0F) << 3) + 0x84) << ((value & 0x70) >> 4);
        return (value & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }
}
