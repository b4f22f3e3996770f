package io.gbgate.sip.manscdp;

import java.util.Locale;

/** The {@code Event} of a catalog change notify item. */
public enum CatalogEvent {
    /** Came online. */
    ON,
    /** Went offline. */
    OFF,
    /** Video lost. */
    VLOST,
    /** Fault. */
    DEFECT,
    /** Added. */
    ADD,
    /** Deleted. */
    DEL,
    /** Updated. */
    UPDATE;

    /**
     * @throws ManscdpException for anything but the seven events (case ignored)
     */
    static CatalogEvent parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ManscdpException("catalog Event must be ON, OFF, VLOST, DEFECT, ADD, DEL or UPDATE, got '"
                    + value + "'");
        }
    }
}
