package io.gbgate.gateway.api;

/** An ID in the request that names nothing the gateway knows. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
