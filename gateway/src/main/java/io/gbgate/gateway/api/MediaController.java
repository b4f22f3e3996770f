package io.gbgate.gateway.api;

import io.gbgate.gateway.stream.StreamService;
import io.gbgate.media.rtp.RtpDropReason;
import io.gbgate.media.rtp.UdpRtpReceiver;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The media plane's receive counters: what arrived and what was dropped, by reason. */
@RestController
@RequestMapping("/api/media")
@Tag(name = "media")
public class MediaController {
    private final UdpRtpReceiver rtp;
    private final StreamService streams;

    public MediaController(UdpRtpReceiver rtp, StreamService streams) {
        this.rtp = rtp;
        this.streams = streams;
    }

    /** Counters of the shared UDP RTP port. */
    public record RtpPortStats(int udpPort, int registrations, int streams, long unknownSsrcDrops,
                               Map<RtpDropReason, Long> malformedDrops) {
    }

    @GetMapping
    @Operation(summary = "RTP receive counters: registered streams, packets for unknown SSRCs, malformed packets by reason")
    public RtpPortStats stats() {
        Map<RtpDropReason, Long> drops = new EnumMap<>(RtpDropReason.class);
        for (RtpDropReason reason : RtpDropReason.values()) {
            drops.put(reason, rtp.drops(reason));
        }
        return new RtpPortStats(rtp.port(), rtp.registrations(), streams.streams().size(), rtp.unknownSsrcDrops(),
                drops);
    }
}
