package io.gbgate.gateway.vod;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.storage.recording.RecordingIndex;
import io.gbgate.storage.recording.RecordingSegment;
import io.gbgate.storage.recording.SegmentLeases;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Recorded playback: an HLS VOD playlist over the recorded MPEG-TS segments of a time range
 * (a discontinuity where the recording has a gap), and the segments themselves. URLs carry a
 * signed token for the channel's recordings.
 */
@RestController
public class VodController {
    private static final MediaType M3U8 = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    private static final MediaType TS = MediaType.parseMediaType("video/mp2t");
    private static final long GAP_MILLIS = 1000;

    private final RecordingIndex index;
    private final SegmentLeases leases;
    private final MediaTokenSigner signer;
    private final Path dataDir;

    public VodController(RecordingIndex index, SegmentLeases leases, MediaTokenSigner signer, GbgateProperties props) {
        this.index = index;
        this.leases = leases;
        this.signer = signer;
        this.dataDir = props.dataDir().toAbsolutePath();
    }

    /** The token scope of a channel's recordings. */
    public static String tokenScope(String channelId) {
        return "vod:" + channelId;
    }

    public static String playlistPath(String channelId, Instant from, Instant to, String token) {
        return "/vod/" + channelId + "/index.m3u8?from=" + from + "&to=" + to + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @GetMapping("/vod/{channelId}/index.m3u8")
    public ResponseEntity<String> playlist(@PathVariable String channelId, @RequestParam Instant from,
                                           @RequestParam Instant to, @RequestParam(required = false) String token) {
        MediaTokenSigner.Verdict verdict = signer.verify(tokenScope(channelId), token);
        if (!verdict.granted()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.TEXT_PLAIN)
                    .body(verdict.rejection());
        }
        List<RecordingSegment> segments = index.findSegments(channelId, from, to);
        if (segments.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("nothing recorded for channel " + channelId + " between " + from + " and " + to);
        }
        String suffix = "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        double longest = segments.stream().mapToLong(RecordingSegment::durationMs).max().orElse(1000) / 1000.0;
        StringBuilder m3u8 = new StringBuilder()
                .append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-PLAYLIST-TYPE:VOD\n")
                .append("#EXT-X-TARGETDURATION:").append((long) Math.ceil(longest)).append('\n')
                .append("#EXT-X-MEDIA-SEQUENCE:0\n");
        RecordingSegment previous = null;
        for (RecordingSegment segment : segments) {
            if (previous != null && segment.startAt().toEpochMilli() - previous.endAt().toEpochMilli() > GAP_MILLIS) {
                m3u8.append("#EXT-X-DISCONTINUITY\n");
            }
            m3u8.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", segment.durationMs() / 1000.0))
                    .append("segment-").append(segment.id()).append(".ts").append(suffix).append('\n');
            previous = segment;
        }
        m3u8.append("#EXT-X-ENDLIST\n");
        return ResponseEntity.ok().contentType(M3U8).body(m3u8.toString());
    }

    @GetMapping("/vod/{channelId}/segment-{segmentId}.ts")
    public ResponseEntity<StreamingResponseBody> segment(@PathVariable String channelId, @PathVariable long segmentId,
                                                         @RequestParam(required = false) String token) {
        MediaTokenSigner.Verdict verdict = signer.verify(tokenScope(channelId), token);
        if (!verdict.granted()) {
            return text(HttpStatus.UNAUTHORIZED, verdict.rejection());
        }
        RecordingSegment segment = index.findById(segmentId)
                .filter(s -> s.channelId().equals(channelId)).orElse(null);
        if (segment == null) {
            return text(HttpStatus.NOT_FOUND, "no recorded segment " + segmentId + " of channel " + channelId);
        }
        Path file = dataDir.resolve(segment.path());
        SegmentLeases.Lease lease;
        try {
            lease = leases.acquire(List.of(segment)); // retention must not delete it while it is sent
        } catch (RuntimeException e) {
            return text(HttpStatus.GONE, "segment " + segmentId + " is being deleted by retention");
        }
        if (!Files.isReadable(file)) {
            lease.close();
            return text(HttpStatus.GONE, "segment " + segmentId + " is no longer on disk");
        }
        StreamingResponseBody body = out -> {
            try (lease; InputStream in = Files.newInputStream(file)) {
                in.transferTo(out);
            }
        };
        return ResponseEntity.ok().contentType(TS).contentLength(segment.bytes()).body(body);
    }

    private static ResponseEntity<StreamingResponseBody> text(HttpStatus status, String message) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(out -> out.write(bytes));
    }
}
