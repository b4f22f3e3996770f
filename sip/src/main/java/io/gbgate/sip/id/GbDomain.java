package io.gbgate.sip.id;

import java.util.Objects;

/**
 * A 10-digit GB/T 28181 SIP domain: the first ten digits of a 20-digit ID (centre code plus industry code),
 * for example {@code 3402000000}.
 *
 * @param value the ten decimal digits
 */
public record GbDomain(String value) {

    /** Number of digits in a SIP domain. */
    public static final int LENGTH = 10;

    /**
     * @throws IllegalArgumentException if {@code value} is not exactly ten ASCII digits
     */
    public GbDomain {
        Objects.requireNonNull(value, "domain");
        if (!isValid(value)) {
            throw new IllegalArgumentException("GB28181 domain must be 10 decimal digits, got '" + value + "'");
        }
    }

    /** Parses and validates a domain. */
    public static GbDomain of(String value) {
        return new GbDomain(value);
    }

    /** Whether {@code value} is a syntactically valid 10-digit domain. */
    public static boolean isValid(String value) {
        return value != null && value.length() == LENGTH && GbId.allDigits(value);
    }

    /** Digits 4..8 (1-based) of the domain: the five digits the standard puts into an SSRC. */
    public String ssrcDigits() {
        return value.substring(3, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
