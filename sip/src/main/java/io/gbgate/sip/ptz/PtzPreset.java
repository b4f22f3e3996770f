package io.gbgate.sip.ptz;

import java.util.Objects;

/**
 * Preset instruction: set (0x81), call (0x82) or delete (0x83) preset {@code presetIndex} (byte 6).
 *
 * @param action      what to do with the preset
 * @param presetIndex preset number 1..255
 */
public record PtzPreset(Action action, int presetIndex) implements PtzInstruction {

    /** Preset operations with their instruction codes. */
    public enum Action {
        SET(0x81), CALL(0x82), DELETE(0x83);

        private final int code;

        Action(int code) {
            this.code = code;
        }

        /** Instruction byte (byte 4). */
        public int code() {
            return code;
        }
    }

    public PtzPreset {
        Objects.requireNonNull(action, "action");
        PtzRanges.check("preset index", presetIndex, 1, PtzRanges.MAX_BYTE);
    }

    public static PtzPreset set(int presetIndex) {
        return new PtzPreset(Action.SET, presetIndex);
    }

    public static PtzPreset call(int presetIndex) {
        return new PtzPreset(Action.CALL, presetIndex);
    }

    public static PtzPreset delete(int presetIndex) {
        return new PtzPreset(Action.DELETE, presetIndex);
    }
}
