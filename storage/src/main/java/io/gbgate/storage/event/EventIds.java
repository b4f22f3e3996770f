package io.gbgate.storage.event;

/** Identifier and text checks of the event tables. */
final class EventIds {

    /** Width of the ID columns. */
    static final int ID = 32;

    private EventIds() {
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > ID || !value.chars().allMatch(c -> c > ' ' && c < 0x7F)) {
            throw new IllegalArgumentException(what + " must be up to " + ID + " printable ASCII characters: "
                    + value);
        }
        return value;
    }

    /** Text cut to {@code max} characters (null stays null). */
    static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
