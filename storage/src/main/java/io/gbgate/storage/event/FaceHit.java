package io.gbgate.storage.event;

import java.time.Instant;
import java.util.Objects;

/**
 * A face-check hit that was linked to an event: a row of {@code face_hits}.
 *
 * @param id         UUID text
 * @param channelId  the camera that saw the face
 * @param personId   the watch-list person the engine matched
 * @param watchList  the watch list the person is on
 * @param similarity the engine's score, 0..1
 * @param engine     the engine's name, or null
 * @param hitAt      when the face was seen
 * @param eventId    the event it was linked to
 * @param createdAt  when gbgate stored it
 */
public record FaceHit(String id, String channelId, String personId, String watchList, double similarity,
                      String engine, Instant hitAt, String eventId, Instant createdAt) {

    /** Validates identifiers and the score. */
    public FaceHit {
        Objects.requireNonNull(id, "id");
        SqlValues.requireId(channelId, "channel id", 32);
        if (personId == null || personId.isBlank() || personId.length() > 128) {
            throw new IllegalArgumentException("person id must be 1..128 characters");
        }
        if (watchList == null || watchList.isBlank() || watchList.length() > 128) {
            throw new IllegalArgumentException("watch list must be 1..128 characters");
        }
        if (!(similarity >= 0.0 && similarity <= 1.0)) {
            throw new IllegalArgumentException("similarity must be between 0 and 1: " + similarity);
        }
        if (engine != null && engine.length() > 128) {
            throw new IllegalArgumentException("engine is longer than 128 characters");
        }
        Objects.requireNonNull(hitAt, "hitAt");
        Objects.requireNonNull(eventId, "eventId");
    }
}
