package io.gbgate.gateway.event;

import java.time.Instant;

/**
 * A hit as a face-recognition engine reports it: {@code image} is a base64 JPEG, or {@code imageUrl} an image the
 * engine keeps; {@code eventId} optionally names the event to link to.
 */
public record FaceHitRequest(String channelId, Instant time, String personId, String watchList, Double similarity,
                             String engine, String image, String imageUrl, String eventId) {

    /** Checks that the required fields are there and in range. */
    void validate() {
        require(channelId, "channelId");
        require(personId, "personId");
        require(watchList, "watchList");
        if (time == null) {
            throw new IllegalArgumentException("time is missing (ISO-8601 with offset)");
        }
        if (similarity == null || !(similarity >= 0 && similarity <= 1)) {
            throw new IllegalArgumentException("similarity must be a number between 0 and 1");
        }
        if ((image == null || image.isBlank()) && (imageUrl == null || imageUrl.isBlank())) {
            throw new IllegalArgumentException("a hit needs image (base64 JPEG) or imageUrl");
        }
        if (imageUrl != null && !imageUrl.isBlank() && !imageUrl.matches("(?i)https?://\\S{1,2000}")) {
            throw new IllegalArgumentException("imageUrl must be an http(s) URL");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}
