package io.gbgate.sip.ptz;

import java.util.Objects;

/**
 * Cruise (tour) instruction for cruise group {@code cruiseNumber} (byte 5). What {@code value} means depends on the
 * action: the preset for {@link Action#ADD_POINT} (1..255) and {@link Action#DELETE_POINT} (0..255, 0 deletes the
 * whole cruise), the speed for {@link Action#SET_SPEED} and the dwell time in seconds for {@link Action#SET_DWELL}
 * (both 12 bits, 0..4095: byte 6 plus the high nibble of byte 7), nothing (0) for {@link Action#START}. A running
 * cruise is stopped with {@link PtzMove#stop()}.
 *
 * @param action       cruise operation
 * @param cruiseNumber cruise group 0..255
 * @param value        preset, speed or dwell seconds as described above
 */
public record PtzCruise(Action action, int cruiseNumber, int value) implements PtzInstruction {

    /** Cruise operations with their instruction codes. */
    public enum Action {
        ADD_POINT(0x84), DELETE_POINT(0x85), SET_SPEED(0x86), SET_DWELL(0x87), START(0x88);

        private final int code;

        Action(int code) {
            this.code = code;
        }

        /** Instruction byte (byte 4). */
        public int code() {
            return code;
        }
    }

    public PtzCruise {
        Objects.requireNonNull(action, "action");
        PtzRanges.check("cruise number", cruiseNumber, 0, PtzRanges.MAX_BYTE);
        switch (action) {
            case ADD_POINT -> PtzRanges.check("cruise preset index", value, 1, PtzRanges.MAX_BYTE);
            case DELETE_POINT -> PtzRanges.check("cruise preset index", value, 0, PtzRanges.MAX_BYTE);
            case SET_SPEED -> PtzRanges.check("cruise speed", value, 0, PtzRanges.MAX_12_BITS);
            case SET_DWELL -> PtzRanges.check("cruise dwell seconds", value, 0, PtzRanges.MAX_12_BITS);
            case START -> PtzRanges.check("cruise start value", value, 0, 0);
        }
    }

    public static PtzCruise addPoint(int cruiseNumber, int presetIndex) {
        return new PtzCruise(Action.ADD_POINT, cruiseNumber, presetIndex);
    }

    public static PtzCruise deletePoint(int cruiseNumber, int presetIndex) {
        return new PtzCruise(Action.DELETE_POINT, cruiseNumber, presetIndex);
    }

    /** Deletes the whole cruise (delete point with preset 0). */
    public static PtzCruise deleteCruise(int cruiseNumber) {
        return new PtzCruise(Action.DELETE_POINT, cruiseNumber, 0);
    }

    public static PtzCruise speed(int cruiseNumber, int speed) {
        return new PtzCruise(Action.SET_SPEED, cruiseNumber, speed);
    }

    public static PtzCruise dwell(int cruiseNumber, int seconds) {
        return new PtzCruise(Action.SET_DWELL, cruiseNumber, seconds);
    }

    public static PtzCruise start(int cruiseNumber) {
        return new PtzCruise(Action.START, cruiseNumber, 0);
    }
}
