package io.gbgate.media.llhls;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Builds the text of a media playlist line by line: tags with a value, attribute lists with
 * quoted URIs, decimal durations. URIs with control characters or quotes are refused.
 */
final class PlaylistText {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final StringBuilder text = new StringBuilder(2048);

    PlaylistText() {
        line("#EXTM3U");
    }

    PlaylistText tag(String name, long value) {
        text.append(name).append(':').append(value).append('\n');
        return this;
    }

    PlaylistText tag(String name) {
        return line(name);
    }

    /** A tag whose value is an attribute list built by {@code attributes}. */
    PlaylistText attributes(String name, Attributes attributes) {
        text.append(name).append(':').append(attributes.text).append('\n');
        return this;
    }

    PlaylistText dateTime(Instant time) {
        text.append("#EXT-X-PROGRAM-DATE-TIME:").append(DATE_TIME.format(time)).append('\n');
        return this;
    }

    PlaylistText segment(double seconds, String uri) {
        text.append("#EXTINF:").append(decimal(seconds, 5)).append(",\n");
        return line(requireUri(uri));
    }

    @Override
    public String toString() {
        return text.toString();
    }

    private PlaylistText line(String line) {
        text.append(line).append('\n');
        return this;
    }

    static String decimal(double value, int places) {
        return String.format(Locale.ROOT, "%." + places + "f", value);
    }

    static String requireUri(String uri) {
        if (uri.isEmpty()) {
            throw new IllegalArgumentException("empty URI");
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '"') {
                throw new IllegalArgumentException("control character or quote in URI at " + i);
            }
        }
        return uri;
    }

    /** An attribute list: {@code NAME=value} pairs separated by commas. */
    static final class Attributes {
        private final StringBuilder text = new StringBuilder(96);

        Attributes enumerated(String name, String value) {
            return add(name, value);
        }

        Attributes decimal(String name, double value, int places) {
            return add(name, PlaylistText.decimal(value, places));
        }

        Attributes uri(String name, String uri) {
            return add(name, '"' + requireUri(uri) + '"');
        }

        private Attributes add(String name, String value) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(name).append('=').append(value);
            return this;
        }
    }
}
