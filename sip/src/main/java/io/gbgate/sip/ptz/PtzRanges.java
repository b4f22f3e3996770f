package io.gbgate.sip.ptz;

/** Range checks for instruction fields, with messages that name the field. */
final class PtzRanges {

    /** Largest pan / tilt / focus / iris speed (one byte). */
    static final int MAX_BYTE = 0xFF;
    /** Largest zoom speed (one nibble). */
    static final int MAX_NIBBLE = 0x0F;
    /** Largest 12-bit value (cruise / scan speed, dwell time, address). */
    static final int MAX_12_BITS = 0x0FFF;

    private PtzRanges() {
    }

    static int check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + ".." + max + ", got " + value);
        }
        return value;
    }
}
