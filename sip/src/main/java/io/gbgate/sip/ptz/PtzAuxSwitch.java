package io.gbgate.sip.ptz;

/**
 * Auxiliary switch instruction: 0x8C on, 0x8D off, switch number in byte 5 (1 is the wiper on most domes).
 *
 * @param on           true to switch on, false to switch off
 * @param switchNumber auxiliary switch 0..255
 */
public record PtzAuxSwitch(boolean on, int switchNumber) implements PtzInstruction {

    /** Instruction byte of switching on. */
    static final int ON_CODE = 0x8C;
    /** Instruction byte of switching off. */
    static final int OFF_CODE = 0x8D;

    public PtzAuxSwitch {
        PtzRanges.check("auxiliary switch number", switchNumber, 0, PtzRanges.MAX_BYTE);
    }

    public static PtzAuxSwitch on(int switchNumber) {
        return new PtzAuxSwitch(true, switchNumber);
    }

    public static PtzAuxSwitch off(int switchNumber) {
        return new PtzAuxSwitch(false, switchNumber);
    }
}
