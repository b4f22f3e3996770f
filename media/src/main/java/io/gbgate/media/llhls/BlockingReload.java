package io.gbgate.media.llhls;

/**
 * What a blocking playlist reload waits for (RFC 8216bis 6.2.5.2): {@code _HLS_msn=N} alone waits
 * for segment N to be complete, {@code _HLS_msn=N&_HLS_part=M} for part M of segment N or any
 * later part (a part index past the end of segment N thus means part 0 of segment N+1).
 *
 * @param msn  the awaited media sequence number
 * @param part the awaited part index, or -1 to await the whole segment
 */
public record BlockingReload(long msn, int part) {
    private static final int MAX_PART = 10_000;

    public BlockingReload {
        if (msn < 0 || part < -1) {
            throw new IllegalArgumentException("bad blocking reload " + msn + "/" + part);
        }
    }

    /**
     * The reload the query parameters ask for, or null when neither is given.
     *
     * @throws LlHlsRequestException when a value is not a non-negative integer, or
     *         {@code _HLS_part} comes without {@code _HLS_msn}
     */
    public static BlockingReload parse(String msn, String part) {
        if (msn == null && part == null) {
            return null;
        }
        if (msn == null) {
            throw new LlHlsRequestException("_HLS_part needs _HLS_msn");
        }
        long sequence = LlHlsNames.digits(msn);
        if (sequence < 0) {
            throw new LlHlsRequestException("_HLS_msn must be a non-negative integer, not '" + printable(msn) + "'");
        }
        if (part == null) {
            return new BlockingReload(sequence, -1);
        }
        long index = LlHlsNames.digits(part);
        if (index < 0 || index > MAX_PART) {
            throw new LlHlsRequestException("_HLS_part must be an integer within 0.." + MAX_PART + ", not '"
                    + printable(part) + "'");
        }
        return new BlockingReload(sequence, (int) index);
    }

    /** Waits for the part at {@code position}. */
    public static BlockingReload of(PartPosition position) {
        return new BlockingReload(position.msn(), position.part());
    }

    public boolean wholeSegment() {
        return part < 0;
    }

    /** The window holds what is awaited, or the stream ended (nothing more will come). */
    boolean satisfiedBy(LlHlsWindow window) {
        if (window.ended()) {
            return true;
        }
        if (wholeSegment()) {
            return window.lastCompleteMsn() >= msn;
        }
        return window.latestPart().map(latest -> latest.isAtOrAfter(new PartPosition(msn, part))).orElse(false);
    }

    /**
     * Refuses a reload too far ahead of {@code window}: more than two segments after the newest
     * one, or more parts ahead than the Advance Part Limit ({@code advancePartLimit}).
     */
    void requireReachable(LlHlsWindow window, int advancePartLimit) {
        if (window.ended()) {
            return;
        }
        long newest = window.latestPart().map(PartPosition::msn).orElse(0L);
        if (msn > newest + 2) {
            throw new LlHlsRequestException("_HLS_msn=" + msn + " is more than two segments ahead of the playlist"
                    + " (newest segment " + newest + ")");
        }
        if (wholeSegment()) {
            return;
        }
        int latestPart = window.latestPart().filter(p -> p.msn() == msn).map(PartPosition::part).orElse(-1);
        if (part - latestPart > advancePartLimit) {
            throw new LlHlsRequestException("_HLS_part=" + part + " of segment " + msn + " is more than "
                    + advancePartLimit + " parts ahead of the playlist");
        }
    }

    private static String printable(String value) {
        String cut = value.length() > 32 ? value.substring(0, 32) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
