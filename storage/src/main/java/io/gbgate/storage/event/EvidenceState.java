package io.gbgate.storage.event;

import java.util.Locale;

/** Where an evidence item stands: pending until it is stored, then ready (with a URL) or failed (with a reason). */
public enum EvidenceState {
    PENDING, READY, FAILED;

    /** The lower-case name stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a stored code. */
    public static EvidenceState fromCode(String code) {
        for (EvidenceState state : values()) {
            if (state.code().equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown evidence state: " + code);
    }
}
