package io.gbgate.storage.clip;

/** A clip export that cannot succeed; the message is the reason shown to the user. */
public final class ClipExportException extends Exception {

    private static final long serialVersionUID = 1L;

    public ClipExportException(String reason) {
        super(reason);
    }

    public ClipExportException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
