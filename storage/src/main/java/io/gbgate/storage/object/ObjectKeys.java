package io.gbgate.storage.object;

import java.util.regex.Pattern;

/**
 * Validation of object keys, shared by every {@link ObjectStore}.
 *
 * <p>A key is a relative, slash-separated path such as {@code clips/34020000001320000001/2024-05-01T10-00-00Z.mp4}:
 * at most {@value #MAX_LENGTH} characters, segments of {@code A-Z a-z 0-9 . _ - + =} that are non-empty and do not
 * start with a dot (which rules out {@code .} and {@code ..} and keeps the local store's hidden temporary files
 * out of the key space). The same key is therefore a safe file path, a safe S3 object name and a safe URL path.
 */
public final class ObjectKeys {

    /** Longest accepted key, well below S3's 1024-byte limit and common file-system path limits. */
    public static final int MAX_LENGTH = 512;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_+=-][A-Za-z0-9._+=-]*");

    private ObjectKeys() {
    }

    /**
     * Returns {@code key} when it is valid.
     *
     * @throws IllegalArgumentException naming what is wrong with the key
     */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key is empty");
        }
        if (key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("object key longer than " + MAX_LENGTH + " characters");
        }
        if (key.startsWith("/")) {
            throw new IllegalArgumentException("object key must be relative (leading '/'): " + printable(key));
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("object key has an empty path segment: " + printable(key));
            }
            if (segment.startsWith(".")) {
                throw new IllegalArgumentException("object key segment starts with '.': " + printable(key));
            }
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("object key has characters outside [A-Za-z0-9._+=-/]: "
                        + printable(key));
            }
        }
        return key;
    }

    /** The key with control and non-ASCII characters escaped, for error messages and logs. */
    static String printable(String key) {
        StringBuilder out = new StringBuilder(Math.min(key.length(), 80) + 8);
        for (int i = 0; i < key.length() && i < 80; i++) {
            char c = key.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (key.length() > 80) {
            out.append("...");
        }
        return out.toString();
    }
}
