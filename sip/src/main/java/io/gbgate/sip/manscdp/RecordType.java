package io.gbgate.sip.manscdp;

import java.util.Locale;

/** The {@code Type} of a recording query or recording: all, scheduled (time), alarm or manual. */
public enum RecordType {
    ALL, TIME, ALARM, MANUAL;

    /** The value as written in XML: lower case. */
    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws ManscdpException if {@code value} is none of all / time / alarm / manual (case ignored)
     */
    static RecordType parse(String value) {
        for (RecordType type : values()) {
            if (type.name().equalsIgnoreCase(value.strip())) {
                return type;
            }
        }
        throw new ManscdpException("record Type must be all, time, alarm or manual, got '" + value + "'");
    }
}
