package io.gbgate.sip.mansrtsp;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Parses and formats MANSRTSP bodies ({@code Application/MANSRTSP}, GB/T 28181 playback control in SIP INFO).
 * Written bodies are ASCII, one CRLF-terminated line each:
 * <pre>
 * PLAY RTSP/1.0
 * CSeq: 3
 * Range: npt=now-
 * Scale: 2
 * </pre>
 * Stateless and thread-safe.
 */
public final class MansrtspCodec {

    /** Content-Type of MANSRTSP bodies as the standard spells it. */
    public static final String CONTENT_TYPE = "Application/MANSRTSP";
    /** Type part of {@link #CONTENT_TYPE}. */
    public static final String CONTENT_TYPE_TYPE = "Application";
    /** Subtype part of {@link #CONTENT_TYPE}. */
    public static final String CONTENT_SUBTYPE = "MANSRTSP";
    /** Largest body accepted by {@link #decode}. */
    public static final int MAX_BODY_BYTES = 4096;

    private MansrtspCodec() {
    }

    /**
     * Decodes a body (ASCII; other bytes are replaced and then fail parsing where they matter).
     *
     * @throws MansrtspException for an empty or oversized body, a bad request line, an unsupported method, a
     *                           missing or bad CSeq, a malformed header line or a bad Range / Scale / PauseTime
     */
    public static MansrtspRequest decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MansrtspException("empty MANSRTSP body");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new MansrtspException("MANSRTSP body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES);
        }
        return parse(new String(body, StandardCharsets.US_ASCII));
    }

    /**
     * Parses body text.
     *
     * @throws MansrtspException as {@link #decode(byte[])}
     */
    public static MansrtspRequest parse(String body) {
        Objects.requireNonNull(body, "body");
        if (body.isBlank()) {
            throw new MansrtspException("empty MANSRTSP body");
        }
        if (body.length() > MAX_BODY_BYTES) {
            throw new MansrtspException("MANSRTSP body of " + body.length() + " characters exceeds "
                    + MAX_BODY_BYTES);
        }
        return MansrtspParser.parse(body);
    }

    /** The body text of {@code request}. */
    public static String format(MansrtspRequest request) {
        MansrtspLineWriter out = new MansrtspLineWriter()
                .requestLine(request.method())
                .header(MansrtspHeaders.CSEQ, Long.toString(request.cseq()));
        if (request instanceof MansrtspPlay play) {
            if (play.range() != null) {
                out.header(MansrtspHeaders.RANGE, npt(play.range()));
            }
            if (play.scale() != null) {
                out.header(MansrtspHeaders.SCALE, MansrtspLineWriter.number(play.scale()));
            }
        } else if (request instanceof MansrtspPause pause) {
            out.header(MansrtspHeaders.PAUSE_TIME, pause.pauseTimeSeconds() == null ? MansrtspHeaders.NOW
                    : MansrtspLineWriter.number(pause.pauseTimeSeconds()));
        }
        return out.toString();
    }

    /** The body bytes (ASCII) of {@code request}. */
    public static byte[] encode(MansrtspRequest request) {
        return format(request).getBytes(StandardCharsets.US_ASCII);
    }

    private static String npt(NptRange range) {
        String start = range.isNow() ? MansrtspHeaders.NOW : MansrtspLineWriter.number(range.startSeconds());
        String end = range.endSeconds() == null ? "" : MansrtspLineWriter.number(range.endSeconds());
        return String.join("", MansrtspHeaders.NPT, "=", start, "-", end);
    }
}
