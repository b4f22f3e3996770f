package io.gbgate.storage.event;

import java.time.Instant;
import java.util.Objects;

/**
 * One piece of evidence of an event: a row of {@code event_evidence}.
 *
 * @param id          UUID text
 * @param eventId     the event it belongs to
 * @param kind        clip, snapshot, face-hit image or alarm
 * @param channelId   the channel it shows, or null
 * @param state       pending, ready or failed
 * @param from        clip range start, else null
 * @param to          clip range end (exclusive), else null
 * @param notBefore   a clip is exported only after this (its range must be recorded first), else null
 * @param clipId      the clip job once submitted, else null
 * @param objectKey   the stored object (snapshot or image) once ready, else null
 * @param externalUrl an image the engine keeps itself, else null
 * @param reason      why it failed, or a note; else null
 * @param detail      JSON with kind-specific details (a face hit's person, similarity, ...), or null
 * @param capturedAt  the moment it shows, or null
 * @param createdAt   when it was linked
 * @param updatedAt   when its state last changed
 */
public record Evidence(String id, String eventId, EvidenceKind kind, String channelId, EvidenceState state,
                       Instant from, Instant to, Instant notBefore, String clipId, String objectKey,
                       String externalUrl, String reason, String detail, Instant capturedAt, Instant createdAt,
                       Instant updatedAt) {

    /** Validates the required fields. */
    public Evidence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(state, "state");
        if (kind == EvidenceKind.CLIP && (from == null || to == null || !to.isAfter(from))) {
            throw new IllegalArgumentException("clip evidence needs a range with to after from: " + from + " .. " + to);
        }
    }
}
