package io.gbgate.storage.event;

import java.time.Instant;
import java.util.List;

/**
 * An incident of the governance platform that gbgate links video evidence to: one row of
 * {@code governance_events} with its channels. When written, the timestamps are ignored (the repository assigns them).
 *
 * @param eventId    the platform's own event ID (1..64 characters, no whitespace)
 * @param type       event type as the platform names it, or null
 * @param occurredAt when it happened, or null
 * @param longitude  WGS-84 longitude in degrees, or null
 * @param latitude   WGS-84 latitude in degrees, or null
 * @param gridCode   grid or area code, or null
 * @param status     status as the platform reports it (free text), or null
 * @param personId   the person a face hit opened the event for, or null
 * @param channels   channels involved, in the order they were added
 * @param createdAt  when gbgate first stored it (null before)
 * @param updatedAt  when it last changed (null before)
 */
public record GovernanceEvent(String eventId, String type, Instant occurredAt, Double longitude, Double latitude,
                              String gridCode, String status, String personId, List<String> channels,
                              Instant createdAt, Instant updatedAt) {

    /** Longest event ID. */
    public static final int ID_LENGTH = 64;
    /** Longest type, grid code and status. */
    public static final int TEXT_LENGTH = 64;

    /** Validates the ID, the coordinates and the lengths. */
    public GovernanceEvent {
        SqlValues.requireId(eventId, "event id", ID_LENGTH);
        if (longitude != null && !(longitude >= -180.0 && longitude <= 180.0)) {
            throw new IllegalArgumentException("longitude out of range -180..180: " + longitude);
        }
        if (latitude != null && !(latitude >= -90.0 && latitude <= 90.0)) {
            throw new IllegalArgumentException("latitude out of range -90..90: " + latitude);
        }
        requireLength(type, "type");
        requireLength(gridCode, "grid code");
        requireLength(status, "status");
        if (personId != null && personId.length() > 128) {
            throw new IllegalArgumentException("person id is longer than 128 characters");
        }
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /** An event as the platform reports it, not yet stored. */
    public static GovernanceEvent reported(String eventId, String type, Instant occurredAt, Double longitude,
                                           Double latitude, String gridCode, String status, List<String> channels) {
        return new GovernanceEvent(eventId, type, occurredAt, longitude, latitude, gridCode, status, null, channels,
                null, null);
    }

    private static void requireLength(String value, String what) {
        if (value != null && value.length() > TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + TEXT_LENGTH + " characters");
        }
    }
}
