package io.gbgate.sip.sdp;

import io.gbgate.sip.id.GbDomain;
import java.util.Locale;
import java.util.Objects;

/**
 * A GB/T 28181 SSRC as carried in the SDP {@code y=} line: ten decimal digits. Digit 1 is 0 for live video and 1
 * for history (playback / download); digits 2..6 are digits 4..8 of the 10-digit SIP domain; digits 7..10 are a
 * sequence number. The RTP header carries the same number as a 32-bit unsigned value.
 *
 * @param digits the ten decimal digits
 */
public record Ssrc(String digits) {

    /** Number of digits. */
    public static final int LENGTH = 10;
    /** Largest sequence number (four digits). */
    public static final int MAX_SEQUENCE = 9999;

    /**
     * @throws IllegalArgumentException unless ten ASCII digits starting with 0 or 1
     */
    public Ssrc {
        Objects.requireNonNull(digits, "ssrc");
        if (digits.length() != LENGTH || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("SSRC must be 10 decimal digits, got '" + digits + "'");
        }
        if (digits.charAt(0) != '0' && digits.charAt(0) != '1') {
            throw new IllegalArgumentException("SSRC must start with 0 (live) or 1 (history), got '" + digits + "'");
        }
    }

    /** Parses and validates a y= value. */
    public static Ssrc of(String digits) {
        return new Ssrc(digits);
    }

    /** SSRC for live video in {@code domain} with sequence 0..9999. */
    public static Ssrc live(GbDomain domain, int sequence) {
        return compose('0', domain, sequence);
    }

    /** SSRC for playback or download in {@code domain} with sequence 0..9999. */
    public static Ssrc history(GbDomain domain, int sequence) {
        return compose('1', domain, sequence);
    }

    /**
     * The SSRC whose RTP header value is {@code rtpValue} (unsigned 32-bit, e.g. {@code Integer.toUnsignedLong}).
     *
     * @throws IllegalArgumentException if the value is not a GB SSRC (above 1999999999 or negative)
     */
    public static Ssrc fromRtpValue(long rtpValue) {
        if (rtpValue < 0 || rtpValue > 1_999_999_999L) {
            throw new IllegalArgumentException("RTP SSRC " + rtpValue + " is not a GB28181 SSRC (0..1999999999)");
        }
        return new Ssrc(String.format(Locale.ROOT, "%010d", rtpValue));
    }

    /** The SSRC of an RTP header field as Java reads it (signed int). */
    public static Ssrc fromRtpHeader(int headerField) {
        return fromRtpValue(Integer.toUnsignedLong(headerField));
    }

    private static Ssrc compose(char kind, GbDomain domain, int sequence) {
        if (sequence < 0 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("SSRC sequence must be 0..9999, got " + sequence);
        }
        return new Ssrc(kind + domain.ssrcDigits() + String.format(Locale.ROOT, "%04d", sequence));
    }

    /** Whether this is a live-video SSRC (first digit 0). */
    public boolean isLive() {
        return digits.charAt(0) == '0';
    }

    /** Digits 2..6: the domain part. */
    public String domainDigits() {
        return digits.substring(1, 6);
    }

    /** Digits 7..10 as a number. */
    public int sequence() {
        return Integer.parseInt(digits.substring(6));
    }

    /** The value in the RTP header, as an unsigned number. */
    public long rtpValue() {
        return Long.parseLong(digits);
    }

    /** The RTP header field as Java's signed int (same 32 bits). */
    public int rtpHeaderValue() {
        return (int) rtpValue();
    }

    @Override
    public String toString() {
        return digits;
    }
}
