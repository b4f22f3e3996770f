package io.gbgate.sip.ptz;

import java.util.Objects;

/**
 * Pan / tilt / zoom instruction (byte 4 = {@code 00ZZTTPP}): directions with their speeds. All three directions
 * {@link Pan#NONE NONE} is the stop instruction ({@code A50F0100000000B5} at address 1).
 *
 * @param pan        horizontal direction
 * @param tilt       vertical direction
 * @param zoom       lens zoom direction
 * @param panSpeed   horizontal speed 0..255 (byte 5)
 * @param tiltSpeed  vertical speed 0..255 (byte 6)
 * @param zoomSpeed  zoom speed 0..15 (high nibble of byte 7)
 */
public record PtzMove(Pan pan, Tilt tilt, Zoom zoom, int panSpeed, int tiltSpeed, int zoomSpeed)
        implements PtzInstruction {

    /** Horizontal direction: bit 1 left, bit 0 right. */
    public enum Pan { NONE, LEFT, RIGHT }

    /** Vertical direction: bit 3 up, bit 2 down. */
    public enum Tilt { NONE, UP, DOWN }

    /** Zoom: bit 4 in (tele), bit 5 out (wide). */
    public enum Zoom { NONE, IN, OUT }

    public PtzMove {
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(tilt, "tilt");
        Objects.requireNonNull(zoom, "zoom");
        PtzRanges.check("pan speed", panSpeed, 0, PtzRanges.MAX_BYTE);
        PtzRanges.check("tilt speed", tiltSpeed, 0, PtzRanges.MAX_BYTE);
        PtzRanges.check("zoom speed", zoomSpeed, 0, PtzRanges.MAX_NIBBLE);
    }

    /** Stops every pan, tilt and zoom movement (also ends a running cruise or scan). */
    public static PtzMove stop() {
        return new PtzMove(Pan.NONE, Tilt.NONE, Zoom.NONE, 0, 0, 0);
    }

    public static PtzMove left(int panSpeed) {
        return new PtzMove(Pan.LEFT, Tilt.NONE, Zoom.NONE, panSpeed, 0, 0);
    }

    public static PtzMove right(int panSpeed) {
        return new PtzMove(Pan.RIGHT, Tilt.NONE, Zoom.NONE, panSpeed, 0, 0);
    }

    public static PtzMove up(int tiltSpeed) {
        return new PtzMove(Pan.NONE, Tilt.UP, Zoom.NONE, 0, tiltSpeed, 0);
    }

    public static PtzMove down(int tiltSpeed) {
        return new PtzMove(Pan.NONE, Tilt.DOWN, Zoom.NONE, 0, tiltSpeed, 0);
    }

    public static PtzMove upLeft(int panSpeed, int tiltSpeed) {
        return new PtzMove(Pan.LEFT, Tilt.UP, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzMove upRight(int panSpeed, int tiltSpeed) {
        return new PtzMove(Pan.RIGHT, Tilt.UP, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzMove downLeft(int panSpeed, int tiltSpeed) {
        return new PtzMove(Pan.LEFT, Tilt.DOWN, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzMove downRight(int panSpeed, int tiltSpeed) {
        return new PtzMove(Pan.RIGHT, Tilt.DOWN, Zoom.NONE, panSpeed, tiltSpeed, 0);
    }

    public static PtzMove zoomIn(int zoomSpeed) {
        return new PtzMove(Pan.NONE, Tilt.NONE, Zoom.IN, 0, 0, zoomSpeed);
    }

    public static PtzMove zoomOut(int zoomSpeed) {
        return new PtzMove(Pan.NONE, Tilt.NONE, Zoom.OUT, 0, 0, zoomSpeed);
    }

    /** Whether this is the stop instruction (no direction set). */
    public boolean isStop() {
        return pan == Pan.NONE && tilt == Tilt.NONE && zoom == Zoom.NONE;
    }
}
