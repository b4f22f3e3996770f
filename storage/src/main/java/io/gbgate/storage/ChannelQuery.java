package io.gbgate.storage;

/**
 * A page of a channel search across all devices, ordered by channel id then device id (keyset paging: pass the
 * last row's ids as {@code after*} to get the next page).
 *
 * @param text             part of the name, channel id or address to find (any case), or null for all
 * @param online           only online (true) or offline (false) channels, or null for both
 * @param afterChannelId   the last channel id of the previous page, or null for the first page
 * @param afterDeviceId    that row's device id (with {@code afterChannelId})
 * @param limit            rows at most, 1 to {@link #MAX_LIMIT}
 */
public record ChannelQuery(String text, Boolean online, String afterChannelId, String afterDeviceId, int limit) {
    /** Largest page. */
    public static final int MAX_LIMIT = 1000;
    /** Longest search text. */
    public static final int MAX_TEXT = 64;

    /** Validates the page size, the text and the cursor. */
    public ChannelQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (text != null && text.isBlank()) {
            text = null;
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("search text longer than " + MAX_TEXT + " characters");
        }
        if ((afterChannelId == null) != (afterDeviceId == null)) {
            throw new IllegalArgumentException("a page cursor needs both the channel id and the device id");
        }
        Columns.optionalId(afterChannelId, "cursor channel id");
        Columns.optionalId(afterDeviceId, "cursor device id");
    }

    /** The LIKE pattern of {@link #text}, lower case, its own wildcards escaped with {@code \}. */
    String likePattern() {
        StringBuilder pattern = new StringBuilder(text.length() + 2).append('%');
        for (char c : text.strip().toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '%' || c == '_' || c == '\\') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
