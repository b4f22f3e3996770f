package io.gbgate.sip.ptz;

import java.util.Objects;

/**
 * Automatic scan instruction for scan group {@code scanNumber} (byte 5): 0x89 with byte 6 = 0 start, 1 set left
 * boundary, 2 set right boundary; 0x8A sets the speed (12 bits, byte 6 plus the high nibble of byte 7). A running
 * scan is stopped with {@link PtzMove#stop()}.
 *
 * @param action     scan operation
 * @param scanNumber scan group 0..255
 * @param speed      0..4095 for {@link Action#SET_SPEED}, 0 otherwise
 */
public record PtzScan(Action action, int scanNumber, int speed) implements PtzInstruction {

    /** Instruction byte of start and boundary settings. */
    static final int SCAN_CODE = 0x89;
    /** Instruction byte of the speed setting. */
    static final int SPEED_CODE = 0x8A;

    /** Scan operations; {@link #subCode()} is byte 6 of the 0x89 instruction. */
    public enum Action {
        START(0), SET_LEFT_BOUNDARY(1), SET_RIGHT_BOUNDARY(2), SET_SPEED(-1);

        private final int subCode;

        Action(int subCode) {
            this.subCode = subCode;
        }

        /** Byte 6 of the 0x89 instruction; -1 for {@link #SET_SPEED} (its own instruction 0x8A). */
        public int subCode() {
            return subCode;
        }
    }

    public PtzScan {
        Objects.requireNonNull(action, "action");
        PtzRanges.check("scan number", scanNumber, 0, PtzRanges.MAX_BYTE);
        PtzRanges.check("scan speed", speed, 0, action == Action.SET_SPEED ? PtzRanges.MAX_12_BITS : 0);
    }

    public static PtzScan start(int scanNumber) {
        return new PtzScan(Action.START, scanNumber, 0);
    }

    public static PtzScan setLeftBoundary(int scanNumber) {
        return new PtzScan(Action.SET_LEFT_BOUNDARY, scanNumber, 0);
    }

    public static PtzScan setRightBoundary(int scanNumber) {
        return new PtzScan(Action.SET_RIGHT_BOUNDARY, scanNumber, 0);
    }

    public static PtzScan speed(int scanNumber, int speed) {
        return new PtzScan(Action.SET_SPEED, scanNumber, speed);
    }
}
