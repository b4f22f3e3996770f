package io.gbgate.storage.recording;

/**
 * Validation of the channel identifiers that name recording directories and index rows.
 */
public final class ChannelIds {

    /** Longest identifier the schema stores. */
    public static final int MAX_LENGTH = 32;

    private ChannelIds() {
    }

    /**
     * Returns {@code channelId} when it is 1..{@value #MAX_LENGTH} characters without whitespace, control
     * characters, path separators or dots (it becomes a directory name).
     *
     * @throws IllegalArgumentException otherwise, naming the problem
     */
    public static String require(String channelId) {
        if (channelId == null || channelId.isBlank()) {
            throw new IllegalArgumentException("channel id is missing");
        }
        if (channelId.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("channel id is longer than " + MAX_LENGTH + " characters: "
                    + channelId);
        }
        for (int i = 0; i < channelId.length(); i++) {
            char c = channelId.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '/' || c == '\\' || c == '.') {
                throw new IllegalArgumentException(
                        "channel id contains whitespace, control, dot or path characters: " + channelId);
            }
        }
        return channelId;
    }
}
