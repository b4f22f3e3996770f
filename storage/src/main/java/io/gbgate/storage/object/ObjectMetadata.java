package io.gbgate.storage.object;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What is known about an object besides its bytes.
 *
 * <p>Written as S3 user metadata ({@code x-amz-meta-*} headers) by {@link S3ObjectStore} and into a sidecar JSON
 * file by {@link LocalFileObjectStore}; {@link #toHeaders()} and {@link #fromHeaders} are that flat form. The
 * well-known fields use the names {@value #CHANNEL_ID}, {@value #FROM}, {@value #TO} and {@value #SHA256}; free
 * user entries must not reuse them. User keys are lower case ({@code [a-z0-9-]}, S3 folds header names) and values
 * printable ASCII, as HTTP headers require.
 *
 * @param contentType MIME type of the object, e.g. {@code video/mp4}
 * @param channelId   GB/T 28181 channel the object belongs to, or null
 * @param from        start of the covered time span, or null
 * @param to          end of the covered time span, or null
 * @param sha256      lower-case hex SHA-256 of the content, or null before upload (stores fill it in)
 * @param user        further free entries, never null
 */
public record ObjectMetadata(String contentType, String channelId, Instant from, Instant to, String sha256,
                             Map<String, String> user) {

    /** Metadata name of {@link #channelId()}. */
    public static final String CHANNEL_ID = "channel-id";
    /** Metadata name of {@link #from()} (ISO-8601 instant). */
    public static final String FROM = "from";
    /** Metadata name of {@link #to()} (ISO-8601 instant). */
    public static final String TO = "to";
    /** Metadata name of {@link #sha256()}. */
    public static final String SHA256 = "sha256";

    private static final Pattern USER_KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{0,1024}");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates every field; see the type's documentation for the rules. */
    public ObjectMetadata {
        Objects.requireNonNull(contentType, "contentType");
        requirePrintable("contentType", contentType);
        if (channelId != null) {
            requirePrintable(CHANNEL_ID, channelId);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("metadata 'to' " + to + " is before 'from' " + from);
        }
        if (sha256 != null && !HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("metadata sha256 is not 64 lower-case hex digits");
        }
        user = Map.copyOf(Objects.requireNonNull(user, "user"));
        user.forEach((key, value) -> {
            if (!USER_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("user metadata key must match [a-z0-9][a-z0-9-]*: " + key);
            }
            if (isReserved(key)) {
                throw new IllegalArgumentException("user metadata key is reserved: " + key);
            }
            requirePrintable(key, value);
        });
    }

    /** Metadata of the given content type and nothing else. */
    public static ObjectMetadata of(String contentType) {
        return new ObjectMetadata(contentType, null, null, null, null, Map.of());
    }

    /** Metadata of a recording: content type, channel and time span. */
    public static ObjectMetadata ofRecording(String contentType, String channelId, Instant from, Instant to) {
        return new ObjectMetadata(contentType, channelId, from, to, null, Map.of());
    }

    /** A copy with the content checksum set. */
    public ObjectMetadata withSha256(String hexSha256) {
        return new ObjectMetadata(contentType, channelId, from, to, hexSha256, user);
    }

    /** A copy with one more free user entry. */
    public ObjectMetadata withUser(String key, String value) {
        Map<String, String> more = new LinkedHashMap<>(user);
        more.put(key, value);
        return new ObjectMetadata(contentType, channelId, from, to, sha256, more);
    }

    /** The flat name/value form (without {@code x-amz-meta-} prefix and without the content type). */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>(user);
        if (channelId != null) {
            headers.put(CHANNEL_ID, channelId);
        }
        if (from != null) {
            headers.put(FROM, from.toString());
        }
        if (to != null) {
            headers.put(TO, to.toString());
        }
        if (sha256 != null) {
            headers.put(SHA256, sha256);
        }
        return headers;
    }

    /**
     * Reads the flat form back. Names are matched case-insensitively; entries that are not valid user metadata
     * (e.g. set by another tool) are ignored rather than failing the read.
     *
     * @throws IllegalArgumentException when a well-known field is malformed
     */
    public static ObjectMetadata fromHeaders(String contentType, Map<String, String> headers) {
        String channelId = null;
        Instant from = null;
        Instant to = null;
        String sha256 = null;
        Map<String, String> user = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey().toLowerCase(java.util.Locale.ROOT);
            String value = header.getValue();
            switch (name) {
                case CHANNEL_ID -> channelId = value;
                case FROM -> from = parseInstant(FROM, value);
                case TO -> to = parseInstant(TO, value);
                case SHA256 -> sha256 = value;
                default -> {
                    if (USER_KEY.matcher(name).matches() && value != null && PRINTABLE.matcher(value).matches()) {
                        user.put(name, value);
                    }
                }
            }
        }
        return new ObjectMetadata(contentType, channelId, from, to, sha256, user);
    }

    private static boolean isReserved(String key) {
        return key.equals(CHANNEL_ID) || key.equals(FROM) || key.equals(TO) || key.equals(SHA256);
    }

    private static void requirePrintable(String name, String value) {
        if (value == null || !PRINTABLE.matcher(value).matches()) {
            throw new IllegalArgumentException("metadata '" + name + "' must be printable ASCII of at most 1024 chars");
        }
    }

    private static Instant parseInstant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("metadata '" + name + "' is not an ISO-8601 instant: " + value, e);
        }
    }
}
