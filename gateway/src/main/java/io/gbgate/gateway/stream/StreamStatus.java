package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.RtpStreamStats;

/**
 * What flows through a stream now: transport and SSRCs of the current attempt, RTP reception
 * statistics (loss, jitter), viewers and measured rates.
 */
public record StreamStatus(String transport, int localPort, String offeredSsrc, String deviceSsrc,
                           RtpStreamStats.Snapshot rtp, long ssrcChanges, long rtpPacketsToDemuxer, int viewers,
                           double framesPerSecond, long bitsPerSecond) {
}
