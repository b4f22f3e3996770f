package io.gbgate.gateway.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The hooks gbgate sends, with their wire names ({@code type} in the payload, {@code events} of a subscription). */
public enum HookType {
    DEVICE_ONLINE("device.online"),
    DEVICE_OFFLINE("device.offline"),
    STREAM_STARTED("stream.started"),
    STREAM_STOPPED("stream.stopped"),
    STREAM_FAILED("stream.failed"),
    CLIP_READY("clip.ready"),
    CLIP_FAILED("clip.failed"),
    FACE_HIT_LINKED("face_hit.linked"),
    ALARM("alarm"),
    EVENT_EVIDENCE_CHANGED("event.evidence_changed");

    private final String wireName;

    HookType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type with this wire name. */
    public static Optional<HookType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
