package io.gbgate.gateway;

import io.gbgate.media.codec.DecodedVideo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * Plays a live HLS playlist the way a player would: fetches the playlist, downloads new segments
 * and decodes every one of them with FFmpeg (javacv), counting decoded pictures.
 */
final class HlsProbe {
    record Result(int frames, int width, int height, int segments, long firstSegmentMillis, List<String> playlists) {
    }

    private HlsProbe() {
    }

    /** Follows {@code playlistPath} until {@code minFrames} pictures decoded, or fails after {@code limit}. */
    static Result play(ApiClient api, String playlistPath, int minFrames, Duration limit) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        String dir = playlistPath.substring(0, playlistPath.indexOf("index.m3u8"));
        Set<String> seen = new LinkedHashSet<>();
        List<String> playlists = new ArrayList<>();
        int frames = 0;
        int width = 0;
        int height = 0;
        long firstSegmentMillis = -1;
        while (frames < minFrames) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + frames + " frames decoded from " + seen.size()
                        + " segments within " + limit.toSeconds() + " s; last playlist:\n"
                        + (playlists.isEmpty() ? "(none)" : playlists.get(playlists.size() - 1)));
            }
            ApiClient.Response playlist = api.getWithoutToken(playlistPath);
            if (playlist.status() != 200) {
                throw new AssertionError("playlist " + playlistPath + " -> " + playlist.status() + " " + playlist.body());
            }
            playlists.add(playlist.body());
            boolean fetched = false;
            for (String line : playlist.body().split("\n")) {
                String uri = line.trim();
                if (uri.isEmpty() || uri.startsWith("#") || !seen.add(uri)) {
                    continue;
                }
                byte[] segment = api.bytes(dir + uri);
                if (firstSegmentMillis < 0) {
                    firstSegmentMillis = (System.nanoTime() - start) / 1_000_000;
                }
                fetched = true;
                int[] decoded = decode(segment);
                frames += decoded[0];
                width = decoded[1];
                height = decoded[2];
            }
            if (!fetched) {
                Thread.sleep(200);
            }
        }
        return new Result(frames, width, height, seen.size(), firstSegmentMillis, playlists);
    }

    /** {frames, width, height} of one MPEG-TS segment. */
    static int[] decode(byte[] ts) throws Exception {
        return DecodedVideo.of(ts, "mpegts").toArray();
    }
}
