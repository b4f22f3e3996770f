package io.gbgate.storage.clip;

import java.util.Locale;

/** Where a clip export stands. */
public enum ClipState {
    /** Accepted, waiting for a worker. */
    PENDING,
    /** Being exported. */
    RUNNING,
    /** The MP4 file is complete. */
    READY,
    /** The export failed; the reason says why. */
    FAILED;

    /** The lower-case name stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a stored code. */
    public static ClipState fromCode(String code) {
        for (ClipState state : values()) {
            if (state.code().equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown clip state: " + code);
    }

    /** Whether the export is over (ready or failed). */
    public boolean isFinal() {
        return this == READY || this == FAILED;
    }
}
