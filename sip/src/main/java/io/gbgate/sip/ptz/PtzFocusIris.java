package io.gbgate.sip.ptz;

import java.util.Objects;

/**
 * Focus / iris instruction (byte 4 = {@code 0100IIFF}): bit 3 iris close, bit 2 iris open, bit 1 focus near,
 * bit 0 focus far. Both {@code NONE} ({@code 0x40}) stops focus and iris changes.
 *
 * @param focus      focus direction
 * @param iris       iris direction
 * @param focusSpeed focus speed 0..255 (byte 5)
 * @param irisSpeed  iris speed 0..255 (byte 6)
 */
public record PtzFocusIris(Focus focus, Iris iris, int focusSpeed, int irisSpeed) implements PtzInstruction {

    /** Focus direction. */
    public enum Focus { NONE, NEAR, FAR }

    /** Iris direction. */
    public enum Iris { NONE, OPEN, CLOSE }

    public PtzFocusIris {
        Objects.requireNonNull(focus, "focus");
        Objects.requireNonNull(iris, "iris");
        PtzRanges.check("focus speed", focusSpeed, 0, PtzRanges.MAX_BYTE);
        PtzRanges.check("iris speed", irisSpeed, 0, PtzRanges.MAX_BYTE);
    }

    /** Stops focus and iris changes. */
    public static PtzFocusIris stop() {
        return new PtzFocusIris(Focus.NONE, Iris.NONE, 0, 0);
    }

    public static PtzFocusIris focusNear(int speed) {
        return new PtzFocusIris(Focus.NEAR, Iris.NONE, speed, 0);
    }

    public static PtzFocusIris focusFar(int speed) {
        return new PtzFocusIris(Focus.FAR, Iris.NONE, speed, 0);
    }

    public static PtzFocusIris irisOpen(int speed) {
        return new PtzFocusIris(Focus.NONE, Iris.OPEN, 0, speed);
    }

    public static PtzFocusIris irisClose(int speed) {
        return new PtzFocusIris(Focus.NONE, Iris.CLOSE, 0, speed);
    }
}
