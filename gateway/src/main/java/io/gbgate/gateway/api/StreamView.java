package io.gbgate.gateway.api;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.PlayDiagnosis;
import io.gbgate.gateway.stream.PlayStage;
import io.gbgate.gateway.stream.StreamStatus;
import io.gbgate.gateway.transcode.TranscodeView;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.rtp.RtpStreamStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stream as the API shows it: state, the stage reached with timings (and attempts given up),
 * where its RTP comes from, what it carries (codec, resolution, audio, fps, bitrate), reception quality
 * (loss, jitter), viewers (plays that have not left) and holders (outputs and internal consumers keeping it
 * up: {@code whep:<session>}, {@code flv:<id>}, {@code recorder}, ...) and uptime; {@code transcode} is its
 * H.264 transcoder while one runs.
 */
public record StreamView(String streamId, String channelId, String deviceId, String state, String stage,
                         Map<String, Long> timingsMillis, List<PlayDiagnosis.AttemptSummary> previousAttempts,
                         String failure, String endReason, String transport, int localPort, String offeredSsrc,
                         String deviceSsrc, String firstRtpFrom, Long firstRtpSsrc, String codec, Integer width,
                         Integer height, String audio, double fps, long bitrate, long rtpPackets, long rtpLost, double jitterMillis,
                         long ssrcChanges, int viewers, List<String> holders, String keyframeRequest, long accessUnits, long bytes,
                         Instant createdAt, long uptimeSeconds, TranscodeView transcode) {

    public static StreamView of(LiveStream s, Instant now) {
        return of(s, now, null);
    }

    public static StreamView of(LiveStream s, Instant now, TranscodeView transcode) {
        PlayDiagnosis d = s.diagnosis();
        PlayStage stage = d.lastStage();
        StreamStatus status = s.status();
        RtpStreamStats.Snapshot rtp = status.rtp();
        VideoParameters video = s.video();
        String state = s.isEnded() ? "ended" : s.ready().isDone() ? "ready" : "starting";
        return new StreamView(s.streamId(), s.channelId(), s.deviceId(), state, stage == null ? null : stage.name(),
                d.timingsMillis(), d.previousAttempts(), d.failure(), s.endReason(), status.transport(),
                status.localPort(), status.offeredSsrc(), status.deviceSsrc(), d.firstRtpFrom(), d.firstRtpSsrc(),
                video == null ? null : video.codec().name(), video == null ? null : video.width(),
                video == null ? null : video.height(), status.audio(), status.framesPerSecond(), status.bitsPerSecond(),
                rtp == null ? 0 : rtp.packets(), rtp == null ? 0 : rtp.lost(), rtp == null ? 0 : rtp.jitterMillis(),
                status.ssrcChanges(), status.viewers(), status.holders(), s.keyframeRequest(), s.hub().unitsPublished(),
                s.hub().bytesPublished(), s.createdAt(),
                Math.max(0, now.getEpochSecond() - s.createdAt().getEpochSecond()), transcode);
    }
}
