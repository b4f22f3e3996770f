package io.gbgate.sip.manscdp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the charset of a MANSCDP body and decodes it: UTF-8 byte order mark, else the XML declaration's
 * encoding, else the Content-Type charset, else GB18030; GB2312/GBK widened to GB18030, and a GB-labelled body
 * that is valid UTF-8 with non-ASCII text read as UTF-8 (see {@link ManscdpQuirks}). Invalid bytes are replaced so
 * the rest of the message survives.
 */
final class ManscdpCharsets {

    /** The charset used when nothing is declared. */
    static final Charset DEFAULT = Charset.forName("GB18030");

    private static final char REPLACEMENT = '\uFFFD';

    private static final int DECLARATION_SCAN_BYTES = 256;
    private static final Pattern DECLARED_ENCODING =
            Pattern.compile("^[\\s\\x00\\uFEFF]*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']{1,40})[\"']");
    private static final Pattern CONTENT_TYPE_CHARSET =
            Pattern.compile("charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

    private ManscdpCharsets() {
    }

    /** The charset to decode {@code body} with. */
    static Charset choose(byte[] body, String contentTypeCharset) {
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        Charset labelled = labelled(body, contentTypeCharset);
        return labelled.equals(DEFAULT) && ManscdpQuirks.isUtf8WithNonAscii(body) ? StandardCharsets.UTF_8 : labelled;
    }

    private static Charset labelled(byte[] body, String contentTypeCharset) {
        String head = new String(body, 0, Math.min(body.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher declared = DECLARED_ENCODING.matcher(head);
        if (declared.find()) {
            Charset charset = lookup(declared.group(1));
            if (charset != null) {
                return charset;
            }
        }
        if (contentTypeCharset != null) {
            Matcher parameter = CONTENT_TYPE_CHARSET.matcher(contentTypeCharset);
            Charset charset = lookup(parameter.find() ? parameter.group(1) : contentTypeCharset.trim());
            if (charset != null) {
                return charset;
            }
        }
        return DEFAULT;
    }

    /**
     * Decodes, replacing each invalid byte with U+FFFD and resuming at the next byte. Advancing one byte at a time
     * (rather than letting the decoder drop a whole malformed sequence) keeps a truncated double-byte character
     * from swallowing the {@code <} that follows it.
     */
    static String decode(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length + 16);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isUnderflow()) {
                result = decoder.flush(out);
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (result.isOverflow()) {
                out = grow(out);
            } else if (result.isError()) {
                if (!out.hasRemaining()) {
                    out = grow(out);
                }
                out.put(REPLACEMENT);
                in.position(in.position() + 1);
                decoder.reset();
            }
        }
        return out.flip().toString();
    }

    private static CharBuffer grow(CharBuffer out) {
        CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2);
        return bigger.put(out.flip());
    }

    private static Charset lookup(String name) {
        try {
            return ManscdpQuirks.widenChineseCharset(Charset.forName(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
