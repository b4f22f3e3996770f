package io.gbgate.media.llhls;

/** A blocking playlist or part request that cannot be served: malformed, or too far in the future (HTTP 400). */
public final class LlHlsRequestException extends RuntimeException {
    public LlHlsRequestException(String message) {
        super(message);
    }
}
