package io.gbgate.sip.stack;

/** A jain-sip stack or one of its listening points could not be created. */
public final class SipStackStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with the underlying jain-sip cause. */
    public SipStackStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
