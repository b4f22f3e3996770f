package io.gbgate.storage.webhook;

import java.util.Locale;

/** Where a webhook delivery stands. */
public enum DeliveryState {
    /** Not yet acknowledged; sent when due (again after a failed attempt). */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Gave up after the last attempt (dead letter); can be replayed. */
    DEAD;

    /** The lower-case name stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state for a stored code. */
    public static DeliveryState fromCode(String code) {
        for (DeliveryState state : values()) {
            if (state.code().equals(code)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown delivery state: " + code);
    }
}
