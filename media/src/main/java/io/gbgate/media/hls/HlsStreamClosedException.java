package io.gbgate.media.hls;

/** The stream ended before the segmenter could produce what was awaited. */
public final class HlsStreamClosedException extends RuntimeException {
    private final String reason;

    public HlsStreamClosedException(String reason) {
        super("stream closed before the first HLS segment: " + reason);
        this.reason = reason;
    }

    /** Why the stream closed, as the hub reported it. */
    public String reason() {
        return reason;
    }
}
