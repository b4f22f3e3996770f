package io.gbgate.sip.mansrtsp;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses a MANSRTSP body: request line {@code METHOD RTSP/1.0}, then {@code Name: value} header lines up to the
 * first empty line or the end. Lines may end in CRLF or LF; header names and the method are matched ignoring case;
 * unknown headers are ignored, a repeated known header is an error.
 */
final class MansrtspParser {

    private MansrtspParser() {
    }

    static MansrtspRequest parse(String body) {
        String[] lines = body.strip().split("\r?\n", -1);
        String[] requestLine = lines[0].strip().split("\\s+");
        if (requestLine.length != 2 || !requestLine[1].equalsIgnoreCase(MansrtspHeaders.VERSION)) {
            throw new MansrtspException("MANSRTSP request line must be '<METHOD> RTSP/1.0', got '" + lines[0] + "'");
        }
        Map<String, String> headers = headers(lines);
        long cseq = cseq(headers);
        String method = requestLine[0].toUpperCase(Locale.ROOT);
        try {
            return switch (method) {
                case MansrtspPlay.METHOD -> new MansrtspPlay(cseq, range(headers.get(key(MansrtspHeaders.RANGE))),
                        scale(headers.get(key(MansrtspHeaders.SCALE))));
                case MansrtspPause.METHOD -> new MansrtspPause(cseq,
                        pauseTime(headers.get(key(MansrtspHeaders.PAUSE_TIME))));
                case MansrtspTeardown.METHOD -> new MansrtspTeardown(cseq);
                default -> throw new MansrtspException("unsupported MANSRTSP method '" + requestLine[0]
                        + "' (PLAY, PAUSE or TEARDOWN)");
            };
        } catch (IllegalArgumentException e) {
            throw new MansrtspException("MANSRTSP " + method + ": " + e.getMessage());
        }
    }

    private static Map<String, String> headers(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MansrtspException("MANSRTSP header line " + (i + 1) + " has no 'Name: value': '" + line
                        + "'");
            }
            String name = key(line.substring(0, colon).strip());
            if (headers.put(name, line.substring(colon + 1).strip()) != null) {
                throw new MansrtspException("MANSRTSP header " + line.substring(0, colon).strip() + " appears twice");
            }
        }
        return headers;
    }

    private static String key(String headerName) {
        return headerName.toLowerCase(Locale.ROOT);
    }

    private static long cseq(Map<String, String> headers) {
        String value = headers.get(key(MansrtspHeaders.CSEQ));
        if (value == null) {
            throw new MansrtspException("MANSRTSP body lacks the CSeq header");
        }
        try {
            long cseq = Long.parseLong(value);
            if (cseq >= 0 && cseq <= MansrtspChecks.MAX_CSEQ) {
                return cseq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MansrtspException("MANSRTSP CSeq must be a number 0.." + MansrtspChecks.MAX_CSEQ + ", got '"
                + value + "'");
    }

    private static NptRange range(String value) {
        if (value == null) {
            return null;
        }
        int equals = value.indexOf('=');
        int dash = value.indexOf('-', equals + 1);
        if (equals < 0 || !value.substring(0, equals).strip().equalsIgnoreCase(MansrtspHeaders.NPT) || dash < 0) {
            throw new MansrtspException("MANSRTSP Range must be 'npt=now-' or 'npt=<seconds>-', got '" + value + "'");
        }
        String start = value.substring(equals + 1, dash).strip();
        String end = value.substring(dash + 1).strip();
        return new NptRange(start.equalsIgnoreCase(MansrtspHeaders.NOW) ? null : seconds("Range start", start),
                end.isEmpty() ? null : seconds("Range end", end));
    }

    private static Double scale(String value) {
        return value == null ? null : seconds("Scale", value);
    }

    private static Double pauseTime(String value) {
        if (value == null || value.equalsIgnoreCase(MansrtspHeaders.NOW)) {
            return null;
        }
        return seconds("PauseTime", value);
    }

    private static double seconds(String what, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new MansrtspException("MANSRTSP " + what + " is not a number: '" + text + "'");
    }
}
