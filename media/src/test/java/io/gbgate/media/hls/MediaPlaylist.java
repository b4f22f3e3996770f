package io.gbgate.media.hls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Test helper: a strict parser of the live media playlists the segmenter writes. */
public record MediaPlaylist(int version, long targetDuration, long mediaSequence, List<Entry> entries,
                            boolean ended) {

    /** One EXTINF entry. */
    public record Entry(double duration, String uri) {
    }

    public static MediaPlaylist parse(String text) {
        assertThat(text).endsWith("\n");
        String[] lines = text.split("\n", -1);
        assertThat(lines[0]).isEqualTo("#EXTM3U");
        int version = -1;
        long target = -1;
        long sequence = -1;
        boolean ended = false;
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            assertThat(ended).as("nothing after ENDLIST").isFalse();
            if (line.startsWith("#EXT-X-VERSION:")) {
                version = Integer.parseInt(line.substring(15));
            } else if (line.startsWith("#EXT-X-TARGETDURATION:")) {
                target = Long.parseLong(line.substring(22));
            } else if (line.startsWith("#EXT-X-MEDIA-SEQUENCE:")) {
                sequence = Long.parseLong(line.substring(22));
            } else if (line.startsWith("#EXTINF:")) {
                assertThat(line).matches("#EXTINF:\\d+\\.\\d{3},");
                double duration = Double.parseDouble(line.substring(8, line.length() - 1));
                String uri = lines[++i];
                assertThat(uri).doesNotStartWith("#").isNotEmpty();
                entries.add(new Entry(duration, uri));
            } else if (line.equals("#EXT-X-ENDLIST")) {
                ended = true;
            } else {
                throw new AssertionError("unexpected playlist line: " + line);
            }
        }
        assertThat(version).isEqualTo(3);
        assertThat(target).isPositive();
        assertThat(sequence).isNotNegative();
        for (Entry e : entries) {
            assertThat(Math.round(e.duration())).as("EXTINF within target duration").isLessThanOrEqualTo(target);
        }
        return new MediaPlaylist(version, target, sequence, List.copyOf(entries), ended);
    }
}
