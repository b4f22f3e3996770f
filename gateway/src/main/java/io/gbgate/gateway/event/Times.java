package io.gbgate.gateway.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Times in requests: ISO-8601 with an offset or {@code Z}. */
final class Times {

    private Times() {
    }

    /** Parses {@code value}; null stays null. */
    static Instant parse(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " is not an ISO-8601 time with offset: " + value);
        }
    }
}
