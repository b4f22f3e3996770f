package io.gbgate.media.hls;

import java.util.Locale;

/**
 * Writes an HLS media playlist (RFC 8216) tag by tag, in the order the tags must appear:
 * header tags first, then segments, then the optional end marker. Each method writes one
 * complete line; URIs with line breaks or other control characters are refused.
 */
final class HlsPlaylistWriter {
    private final StringBuilder text = new StringBuilder(512);
    private boolean segmentsStarted;
    private boolean ended;

    HlsPlaylistWriter() {
        line("#EXTM3U");
    }

    HlsPlaylistWriter version(int version) {
        return headerTag("#EXT-X-VERSION:", version);
    }

    HlsPlaylistWriter targetDuration(long seconds) {
        return headerTag("#EXT-X-TARGETDURATION:", seconds);
    }

    HlsPlaylistWriter mediaSequence(long sequence) {
        return headerTag("#EXT-X-MEDIA-SEQUENCE:", sequence);
    }

    /** An EXTINF line with the duration to three decimals, followed by the URI line. */
    HlsPlaylistWriter segment(double durationSeconds, String uri) {
        requireOpen();
        requireUri(uri);
        segmentsStarted = true;
        text.append("#EXTINF:").append(String.format(Locale.ROOT, "%.3f", durationSeconds)).append(",\n");
        return line(uri);
    }

    HlsPlaylistWriter endList() {
        requireOpen();
        ended = true;
        return line("#EXT-X-ENDLIST");
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private HlsPlaylistWriter headerTag(String tag, long value) {
        requireOpen();
        if (segmentsStarted) {
            throw new IllegalStateException(tag + " after the first segment");
        }
        text.append(tag).append(value).append('\n');
        return this;
    }

    private HlsPlaylistWriter line(String line) {
        text.append(line).append('\n');
        return this;
    }

    private void requireOpen() {
        if (ended) {
            throw new IllegalStateException("playlist already ended");
        }
    }

    private static void requireUri(String uri) {
        if (uri.isEmpty()) {
            throw new IllegalArgumentException("empty segment URI");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new IllegalArgumentException("control character in segment URI at " + i);
            }
        }
    }
}
