package io.gbgate.sip.platform;

/** An INVITE did not lead to a session; {@link #stage()} says where it failed. */
public final class InviteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where an INVITE failed. */
    public enum Stage {
        /** No final response within the INVITE timeout (or the transaction timed out). */
        NO_ANSWER,
        /** The device answered with a status of 300 or more. */
        ERROR_RESPONSE,
        /** The 200 OK carried no usable SDP; the platform hung up. */
        BAD_SDP,
        /** The INVITE could not be sent (device not registered, no route). */
        NOT_SENT
    }

    private final Stage stage;
    private final int statusCode;

    /** Failure without a SIP status (NO_ANSWER, BAD_SDP, NOT_SENT). */
    public InviteException(Stage stage, String message) {
        this(stage, 0, message, null);
    }

    /** Failure with an optional SIP status and cause. */
    public InviteException(Stage stage, int statusCode, String message, Throwable cause) {
        super(stage + ": " + message, cause);
        this.stage = stage;
        this.statusCode = statusCode;
    }

    /** Where the INVITE failed. */
    public Stage stage() {
        return stage;
    }

    /** SIP status of an ERROR_RESPONSE, else 0. */
    public int statusCode() {
        return statusCode;
    }
}
