package io.gbgate.sip.mansrtsp;

import java.math.BigDecimal;

/** Writes the request line and {@code Name: value} header lines of a MANSRTSP body, each ending in CRLF. */
final class MansrtspLineWriter {

    private static final String CRLF = "\r\n";

    private final StringBuilder out = new StringBuilder(64);

    MansrtspLineWriter requestLine(String method) {
        out.append(method).append(' ').append(MansrtspHeaders.VERSION).append(CRLF);
        return this;
    }

    MansrtspLineWriter header(String name, String value) {
        out.append(name).append(": ").append(value).append(CRLF);
        return this;
    }

    /** {@code seconds} without trailing zeros or exponent: 2.0 -> {@code 2}, 0.5 -> {@code 0.5}. */
    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
