package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.RtpStreamStats;
import java.util.List;

/**
 * What flows through a stream now: transport and SSRCs of the current attempt, RTP reception
 * statistics (loss, jitter), viewers (plays not left), holders (outputs and internal consumers keeping the
 * stream up, e.g. {@code whep:<session>}, {@code flv:<id>}, {@code recorder}), the camera's audio codec (and
 * whether AAC is made of it) and measured rates.
 */
public record StreamStatus(String transport, int localPort, String offeredSsrc, String deviceSsrc,
                           RtpStreamStats.Snapshot rtp, long ssrcChanges, long rtpPacketsToDemuxer, int viewers,
                           List<String> holders, String audio, double framesPerSecond, long bitsPerSecond) {
}
