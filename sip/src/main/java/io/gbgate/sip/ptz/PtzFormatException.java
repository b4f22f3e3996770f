package io.gbgate.sip.ptz;

/** A {@code PTZCmd} string that is not a valid command: wrong length, not hex, bad checksum, unknown instruction. */
public class PtzFormatException extends IllegalArgumentException {

    public PtzFormatException(String message) {
        super(message);
    }
}
