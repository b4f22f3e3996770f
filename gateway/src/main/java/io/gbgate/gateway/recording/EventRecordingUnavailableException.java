package io.gbgate.gateway.recording;

/** An event cannot be recorded now: the channel has no event-mode plan, or its live stream is not up (yet). */
public final class EventRecordingUnavailableException extends IllegalStateException {
    public EventRecordingUnavailableException(String message) {
        super(message);
    }
}
