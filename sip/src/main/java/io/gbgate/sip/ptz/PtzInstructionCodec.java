package io.gbgate.sip.ptz;

/** Maps typed instructions to bytes 4 to 7 and back (GB/T 28181 appendix A.3). */
final class PtzInstructionCodec {

    private static final int FOCUS_IRIS_CODE = 0x40;

    private PtzInstructionCodec() {
    }

    static PtzFields encode(PtzInstruction instruction) {
        if (instruction instanceof PtzMove move) {
            int code = switch (move.pan()) { case NONE -> 0; case RIGHT -> 0x01; case LEFT -> 0x02; }
                    | switch (move.tilt()) { case NONE -> 0; case DOWN -> 0x04; case UP -> 0x08; }
                    | switch (move.zoom()) { case NONE -> 0; case IN -> 0x10; case OUT -> 0x20; };
            return new PtzFields(code, move.panSpeed(), move.tiltSpeed(), move.zoomSpeed());
        }
        if (instruction instanceof PtzFocusIris fi) {
            int code = FOCUS_IRIS_CODE
                    | switch (fi.focus()) { case NONE -> 0; case FAR -> 0x01; case NEAR -> 0x02; }
                    | switch (fi.iris()) { case NONE -> 0; case OPEN -> 0x04; case CLOSE -> 0x08; };
            return new PtzFields(code, fi.focusSpeed(), fi.irisSpeed(), 0);
        }
        if (instruction instanceof PtzPreset preset) {
            return new PtzFields(preset.action().code(), 0, preset.presetIndex(), 0);
        }
        if (instruction instanceof PtzCruise cruise) {
            return PtzFields.with12Bits(cruise.action().code(), cruise.cruiseNumber(), cruise.value());
        }
        if (instruction instanceof PtzScan scan) {
            return scan.action() == PtzScan.Action.SET_SPEED
                    ? PtzFields.with12Bits(PtzScan.SPEED_CODE, scan.scanNumber(), scan.speed())
                    : new PtzFields(PtzScan.SCAN_CODE, scan.scanNumber(), scan.action().subCode(), 0);
        }
        PtzAuxSwitch aux = (PtzAuxSwitch) instruction;
        return new PtzFields(aux.on() ? PtzAuxSwitch.ON_CODE : PtzAuxSwitch.OFF_CODE, aux.switchNumber(), 0, 0);
    }

    /**
     * @throws PtzFormatException for an unknown instruction code, contradictory direction bits or values out of
     *                            the instruction's range
     */
    static PtzInstruction decode(PtzFields fields) {
        int code = fields.code();
        try {
            if ((code & 0xC0) == 0) {
                return decodeMove(fields);
            }
            if ((code & 0xF0) == FOCUS_IRIS_CODE) {
                return decodeFocusIris(fields);
            }
            for (PtzPreset.Action action : PtzPreset.Action.values()) {
                if (action.code() == code) {
                    return new PtzPreset(action, fields.data2());
                }
            }
            for (PtzCruise.Action action : PtzCruise.Action.values()) {
                if (action.code() == code) {
                    boolean twelveBits = action == PtzCruise.Action.SET_SPEED || action == PtzCruise.Action.SET_DWELL;
                    return new PtzCruise(action, fields.data1(), twelveBits ? fields.twelveBits() : fields.data2());
                }
            }
            return switch (code) {
                case PtzScan.SCAN_CODE -> new PtzScan(scanAction(fields.data2()), fields.data1(), 0);
                case PtzScan.SPEED_CODE -> PtzScan.speed(fields.data1(), fields.twelveBits());
                case PtzAuxSwitch.ON_CODE -> PtzAuxSwitch.on(fields.data1());
                case PtzAuxSwitch.OFF_CODE -> PtzAuxSwitch.off(fields.data1());
                default -> throw new PtzFormatException(String.format("unknown PTZ instruction code 0x%02X", code));
            };
        } catch (PtzFormatException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PtzFormatException(String.format("PTZ instruction 0x%02X: %s", code, e.getMessage()));
        }
    }

    private static PtzMove decodeMove(PtzFields fields) {
        int code = fields.code();
        PtzMove.Pan pan = pick(code, 0x02, 0x01, PtzMove.Pan.LEFT, PtzMove.Pan.RIGHT, PtzMove.Pan.NONE,
                "left and right");
        PtzMove.Tilt tilt = pick(code, 0x08, 0x04, PtzMove.Tilt.UP, PtzMove.Tilt.DOWN, PtzMove.Tilt.NONE,
                "up and down");
        PtzMove.Zoom zoom = pick(code, 0x10, 0x20, PtzMove.Zoom.IN, PtzMove.Zoom.OUT, PtzMove.Zoom.NONE,
                "zoom in and out");
        return new PtzMove(pan, tilt, zoom, fields.data1(), fields.data2(), fields.data3());
    }

    private static PtzFocusIris decodeFocusIris(PtzFields fields) {
        int code = fields.code();
        PtzFocusIris.Focus focus = pick(code, 0x02, 0x01, PtzFocusIris.Focus.NEAR, PtzFocusIris.Focus.FAR,
                PtzFocusIris.Focus.NONE, "focus near and far");
        PtzFocusIris.Iris iris = pick(code, 0x04, 0x08, PtzFocusIris.Iris.OPEN, PtzFocusIris.Iris.CLOSE,
                PtzFocusIris.Iris.NONE, "iris open and close");
        return new PtzFocusIris(focus, iris, fields.data1(), fields.data2());
    }

    private static <E> E pick(int code, int firstBit, int secondBit, E first, E second, E none, String both) {
        boolean hasFirst = (code & firstBit) != 0;
        boolean hasSecond = (code & secondBit) != 0;
        if (hasFirst && hasSecond) {
            throw new PtzFormatException(String.format("PTZ instruction 0x%02X sets both %s", code, both));
        }
        return hasFirst ? first : hasSecond ? second : none;
    }

    private static PtzScan.Action scanAction(int subCode) {
        for (PtzScan.Action action : PtzScan.Action.values()) {
            if (action.subCode() == subCode) {
                return action;
            }
        }
        throw new PtzFormatException(String.format("scan instruction 0x89 with unknown byte 6 0x%02X", subCode));
    }
}
