package io.gbgate.gateway.control;

import io.gbgate.sip.ptz.PtzCruise;
import io.gbgate.sip.ptz.PtzFocusIris;
import io.gbgate.sip.ptz.PtzInstruction;
import io.gbgate.sip.ptz.PtzMove;
import io.gbgate.sip.ptz.PtzScan;
import java.util.Locale;

/** Turns the words and numbers of the control API into PTZ instructions; bad values are 400s that say why. */
final class PtzRequests {

    /** Largest pan / tilt / focus / iris speed the API takes. */
    static final int MAX_SPEED = 255;
    /** Largest zoom speed of a PTZCmd (the API's 0..255 is scaled to it). */
    static final int MAX_ZOOM_SPEED = 15;
    /** Speed of a move that names none. */
    static final int DEFAULT_SPEED = 128;

    private PtzRequests() {
    }

    /** Body of {@code POST /ptz}: a direction (or stop) and a speed 0..255. */
    record Move(String command, Integer speed) {
    }

    /** Body of focus / iris: {@code near|far|stop} or {@code open|close|stop} and a speed 0..255. */
    record Lens(String direction, Integer speed) {
    }

    /** Body of cruise / scan: the action, the group number and a value (preset, speed or seconds). */
    record Tour(String action, Integer number, Integer value) {
    }

    static PtzMove move(Move request) {
        String command = required(request == null ? null : request.command(), "command");
        int speed = speed(request.speed());
        int zoom = Math.round(speed * (float) MAX_ZOOM_SPEED / MAX_SPEED);
        return switch (command) {
            case "left" -> PtzMove.left(speed);
            case "right" -> PtzMove.right(speed);
            case "up" -> PtzMove.up(speed);
            case "down" -> PtzMove.down(speed);
            case "upleft" -> PtzMove.upLeft(speed, speed);
            case "upright" -> PtzMove.upRight(speed, speed);
            case "downleft" -> PtzMove.downLeft(speed, speed);
            case "downright" -> PtzMove.downRight(speed, speed);
            case "zoomin" -> PtzMove.zoomIn(zoom);
            case "zoomout" -> PtzMove.zoomOut(zoom);
            case "stop" -> PtzMove.stop();
            default -> throw new IllegalArgumentException("unknown PTZ command '" + request.command() + "': use left,"
                    + " right, up, down, upLeft, upRight, downLeft, downRight, zoomIn, zoomOut or stop");
        };
    }

    static PtzFocusIris focus(Lens request) {
        String direction = required(request == null ? null : request.direction(), "direction");
        int speed = speed(request.speed());
        return switch (direction) {
            case "near" -> PtzFocusIris.focusNear(speed);
            case "far" -> PtzFocusIris.focusFar(speed);
            case "stop" -> PtzFocusIris.stop();
            default -> throw new IllegalArgumentException("focus direction must be near, far or stop, got '"
                    + request.direction() + "'");
        };
    }

    static PtzFocusIris iris(Lens request) {
        String direction = required(request == null ? null : request.direction(), "direction");
        int speed = speed(request.speed());
        return switch (direction) {
            case "open" -> PtzFocusIris.irisOpen(speed);
            case "close" -> PtzFocusIris.irisClose(speed);
            case "stop" -> PtzFocusIris.stop();
            default -> throw new IllegalArgumentException("iris direction must be open, close or stop, got '"
                    + request.direction() + "'");
        };
    }

    /** Cruise: {@code addPoint|deletePoint|speed|dwell|start} on cruise {@code number} (0..255). */
    static PtzCruise cruise(Tour request) {
        String action = required(request == null ? null : request.action(), "action");
        int number = required(request.number(), "number");
        return switch (action) {
            case "addpoint" -> PtzCruise.addPoint(number, required(request.value(), "value (preset index)"));
            case "deletepoint" -> PtzCruise.deletePoint(number, required(request.value(), "value (preset index)"));
            case "speed" -> PtzCruise.speed(number, required(request.value(), "value (speed)"));
            case "dwell" -> PtzCruise.dwell(number, required(request.value(), "value (seconds)"));
            case "start" -> PtzCruise.start(number);
            default -> throw new IllegalArgumentException("cruise action must be addPoint, deletePoint, speed, dwell"
                    + " or start (stop with the PTZ stop command), got '" + request.action() + "'");
        };
    }

    /** Scan: {@code start|leftBoundary|rightBoundary|speed} on scan {@code number} (0..255). */
    static PtzScan scan(Tour request) {
        String action = required(request == null ? null : request.action(), "action");
        int number = required(request.number(), "number");
        return switch (action) {
            case "start" -> new PtzScan(PtzScan.Action.START, number, 0);
            case "leftboundary" -> new PtzScan(PtzScan.Action.SET_LEFT_BOUNDARY, number, 0);
            case "rightboundary" -> new PtzScan(PtzScan.Action.SET_RIGHT_BOUNDARY, number, 0);
            case "speed" -> PtzScan.speed(number, required(request.value(), "value (speed)"));
            default -> throw new IllegalArgumentException("scan action must be start, leftBoundary, rightBoundary or"
                    + " speed (stop with the PTZ stop command), got '" + request.action() + "'");
        };
    }

    /** A short text naming the instruction, for the answer. */
    static String describe(PtzInstruction instruction) {
        return "PTZCmd " + instruction;
    }

    private static int speed(Integer speed) {
        int value = speed == null ? DEFAULT_SPEED : speed;
        if (value < 0 || value > MAX_SPEED) {
            throw new IllegalArgumentException("speed must be 0.." + MAX_SPEED + ", got " + value);
        }
        return value;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("'" + field + "' is required");
        }
        return value;
    }
}
