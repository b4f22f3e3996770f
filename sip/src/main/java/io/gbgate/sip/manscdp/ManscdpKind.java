package io.gbgate.sip.manscdp;

import java.util.Optional;

/** The root element of a MANSCDP body: which of the four message families it belongs to. */
public enum ManscdpKind {
    QUERY("Query"),
    RESPONSE("Response"),
    NOTIFY("Notify"),
    CONTROL("Control");

    private final String elementName;

    ManscdpKind(String elementName) {
        this.elementName = elementName;
    }

    /** The root element name as the standard spells it. */
    public String elementName() {
        return elementName;
    }

    /** The kind whose root element is {@code name} (ASCII case ignored: devices vary). */
    public static Optional<ManscdpKind> ofElementName(String name) {
        for (ManscdpKind kind : values()) {
            if (ManscdpQuirks.sameName(kind.elementName, name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
