package io.gbgate.gateway.loadtest;

import java.util.Optional;

/** Just enough of an HLS media playlist for the harness: its segment URIs and how they resolve. */
final class HlsPlaylists {
    private HlsPlaylists() {
    }

    /** The first segment URI listed, if any (lines that are neither blank nor tags). */
    static Optional<String> firstSegment(String playlist) {
        return playlist.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .findFirst();
    }

    /**
     * Resolves a segment URI against the playlist's path: absolute paths stay, relative ones
     * replace the playlist's last path element ({@code /media/s1/index.m3u8?token=t} with
     * {@code segment-3.ts?token=t} gives {@code /media/s1/segment-3.ts?token=t}).
     */
    static String resolve(String playlistPath, String segmentUri) {
        if (segmentUri.startsWith("/")) {
            return segmentUri;
        }
        int query = playlistPath.indexOf('?');
        String path = query < 0 ? playlistPath : playlistPath.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + segmentUri;
    }
}
