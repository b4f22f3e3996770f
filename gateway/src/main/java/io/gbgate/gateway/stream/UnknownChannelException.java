package io.gbgate.gateway.stream;

/** A channel ID that no registered device has reported. */
public final class UnknownChannelException extends RuntimeException {
    public UnknownChannelException(String channelId) {
        super("unknown channel " + channelId + ": no registered device reported it in its catalog");
    }
}
