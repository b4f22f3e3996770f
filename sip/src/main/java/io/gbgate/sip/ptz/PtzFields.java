package io.gbgate.sip.ptz;

/**
 * Bytes 4 to 7 of a PTZCmd before the address nibble is merged in: instruction code, data 1, data 2 and the 4-bit
 * data 3 (high nibble of byte 7).
 */
record PtzFields(int code, int data1, int data2, int data3) {

    /** A 12-bit value split into data 2 (low 8 bits) and data 3 (high 4 bits). */
    static PtzFields with12Bits(int code, int data1, int value) {
        return new PtzFields(code, data1, value & 0xFF, value >> 8);
    }

    /** Data 2 plus data 3 as the high bits: the 12-bit value of speed and dwell instructions. */
    int twelveBits() {
        return data3 << 8 | data2;
    }
}
