package io.gbgate.sip.device;

/** A {@link MediaSessionFactory} refuses an INVITE with a SIP status (4xx-6xx). */
public final class MediaRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    /**
     * @param statusCode SIP status the device answers, 400..699
     * @param reason     explanation (logged)
     */
    public MediaRejectedException(int statusCode, String reason) {
        super(statusCode + " " + reason);
        if (statusCode < 400 || statusCode > 699) {
            throw new IllegalArgumentException("rejection status must be 400..699: " + statusCode);
        }
        this.statusCode = statusCode;
    }

    /** SIP status to answer. */
    public int statusCode() {
        return statusCode;
    }
}
