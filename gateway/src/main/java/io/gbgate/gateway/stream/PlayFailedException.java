package io.gbgate.gateway.stream;

import java.util.Map;

/** A play that did not get to READY: which stage it reached, and why it stopped there. */
public final class PlayFailedException extends RuntimeException {
    private final String streamId;
    private final PlayFailure failure;
    private final PlayStage lastStage;
    private final Map<String, Long> timingsMillis;

    public PlayFailedException(String streamId, PlayFailure failure, PlayStage lastStage,
                               Map<String, Long> timingsMillis, String message) {
        super(message);
        this.streamId = streamId;
        this.failure = failure;
        this.lastStage = lastStage;
        this.timingsMillis = Map.copyOf(timingsMillis);
    }

    public String streamId() {
        return streamId;
    }

    public PlayFailure failure() {
        return failure;
    }

    /** The furthest stage reached, or null when the INVITE did not even go out. */
    public PlayStage lastStage() {
        return lastStage;
    }

    public Map<String, Long> timingsMillis() {
        return timingsMillis;
    }
}
