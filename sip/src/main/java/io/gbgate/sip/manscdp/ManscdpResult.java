package io.gbgate.sip.manscdp;

import java.util.Locale;

/** The {@code Result} element of MANSCDP responses. */
public enum ManscdpResult {
    OK,
    ERROR;

    /** The value as written in XML. */
    public String xmlValue() {
        return name();
    }

    /**
     * @throws ManscdpException if {@code value} is neither OK nor ERROR (case ignored)
     */
    static ManscdpResult parse(String value) {
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("OK")) {
            return OK;
        }
        if (upper.equals("ERROR")) {
            return ERROR;
        }
        throw new ManscdpException("Result must be OK or ERROR, got '" + value + "'");
    }
}
