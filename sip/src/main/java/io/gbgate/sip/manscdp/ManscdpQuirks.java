package io.gbgate.sip.manscdp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Deviations from GB/T 28181 that real devices produce and the decoder tolerates on purpose. Each one is named
 * here and has a test in {@code ManscdpQuirksTest} or {@code ManscdpVendorBodiesTest}:
 * <ol>
 *   <li>{@link #sameName}: element names, attribute names and the CmdType value compared ignoring ASCII case
 *       ({@code DeviceId}, {@code Sumnum}, {@code keepalive}).</li>
 *   <li>{@link #widenChineseCharset}: GB2312 / GBK declarations decoded as GB18030, because many devices declare
 *       GB2312 and send GBK-only characters.</li>
 *   <li>{@link #isUtf8WithNonAscii}: a body labelled GB2312/GBK/GB18030 (or not labelled) that is valid UTF-8 and
 *       contains non-ASCII bytes is read as UTF-8: some devices and lower platforms declare GB2312 but send UTF-8.
 *       Chinese text in GBK is practically never valid UTF-8 (a GBK lead byte is soon followed by a byte that is
 *       not a UTF-8 continuation byte), so genuine GBK bodies are unaffected.</li>
 *   <li>{@link #stripLeadingJunk}: byte order mark, whitespace or NULs before the XML declaration.</li>
 *   <li>Trailing content: anything after the root element (NUL padding, a second copy, garbage) is not read
 *       ({@code ManscdpXmlReader} stops at the root's end tag).</li>
 *   <li>{@link #IFRAME_ELEMENT_NAMES}: the keyframe request under the standard's spelling {@code IFameCmd} and the
 *       corrected {@code IFrameCmd}.</li>
 *   <li>Catalog count: a page whose {@code DeviceList Num} differs from the number of items is accepted; the
 *       items present count ({@code CatalogResponseXml}).</li>
 *   <li>Empty optional elements ({@code <Longitude></Longitude>}) read as absent, see {@link #blankToNull}.</li>
 *   <li>Broken multibyte text (names cut in the middle of a character, stray bytes): each invalid byte becomes
 *       U+FFFD and decoding resumes at the next byte, so the markup after it survives ({@code ManscdpCharsets}).</li>
 *   <li>An unknown charset name in the declaration or Content-Type falls back to the next source (then GB18030)
 *       ({@code ManscdpCharsets}).</li>
 *   <li>Times with a space instead of {@code T} and with fractions of a second ({@code ManscdpTimes}).</li>
 *   <li>An alarm query window under {@code StartTime}/{@code EndTime} instead of the standard's
 *       {@code StartAlarmTime}/{@code EndAlarmTime} ({@code AlarmQueryXml}).</li>
 *   <li>PTZCmd hex digits in lower case, and DeviceControl command values ({@code stoprecord}) in any case
 *       ({@code DeviceControlXml}).</li>
 * </ol>
 */
final class ManscdpQuirks {

    /** Accepted names of the keyframe request element. */
    static final List<String> IFRAME_ELEMENT_NAMES = List.of(DeviceControl.IFRAME_ELEMENT, "IFrameCmd");

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Set<String> GB_SUBSETS = Set.of("GB2312", "GBK", "x-mswin-936", "x-EUC-CN");

    private ManscdpQuirks() {
    }

    /** Names compared ignoring ASCII case. */
    static boolean sameName(String expected, String actual) {
        return expected.equalsIgnoreCase(actual);
    }

    /** GB18030 for the GB2312/GBK family (GB18030 is a superset of both), otherwise {@code charset}. */
    static Charset widenChineseCharset(Charset charset) {
        return GB_SUBSETS.contains(charset.name()) ? GB18030 : charset;
    }

    /** Whether {@code body} contains bytes above 0x7F and is, as a whole, well-formed UTF-8. */
    static boolean isUtf8WithNonAscii(byte[] body) {
        boolean nonAscii = false;
        for (byte b : body) {
            if (b < 0) {
                nonAscii = true;
                break;
            }
        }
        if (!nonAscii) {
            return false;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** {@code text} without a leading BOM, whitespace or NUL characters. */
    static String stripLeadingJunk(String text) {
        int start = 0;
        while (start < text.length()) {
            char c = text.charAt(start);
            if (c != '\uFEFF' && c != 0 && !Character.isWhitespace(c)) {
                break;
            }
            start++;
        }
        return text.substring(start);
    }

    /** Trimmed {@code text}, or null if it is null or blank. */
    static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
