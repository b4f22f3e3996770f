package io.gbgate.gateway.stream;

import io.gbgate.media.Codec;
import io.gbgate.media.audio.G711ToAac;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.ingest.PsOverRtpIngest;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One stream of one channel (live view, or a playback / download of its recordings, see {@link #playback()}): its hub and HLS output, the play attempt feeding it, its
 * viewers and its diagnosis. Created and ended by {@link StreamService}.
 */
public final class LiveStream {
    private final String streamId;
    private final String channelId;
    private final String deviceId;
    private final StreamHub hub;
    private final HlsSegmenter hls;
    private final PlayDiagnosis diagnosis;
    private final PlaybackState playback;
    private final ViewerLeases viewers = new ViewerLeases();
    private final StreamRates rates = new StreamRates();
    private final CompletableFuture<LiveStream> ready = new CompletableFuture<>();
    private final Instant createdAt = Instant.now();
    private volatile PlayAttempt attempt;
    private volatile VideoParameters video;
    private volatile String keyframeRequest;
    private volatile String endReason;

    LiveStream(String streamId, String channelId, String deviceId, StreamHub hub, HlsSegmenter hls,
               PlayDiagnosis diagnosis, PlaybackState playback) {
        this.streamId = streamId;
        this.channelId = channelId;
        this.deviceId = deviceId;
        this.hub = hub;
        this.hls = hls;
        this.diagnosis = diagnosis;
        this.playback = playback;
    }

    /** The replay state of a playback or download stream; null for live view. */
    public PlaybackState playback() {
        return playback;
    }

    /** The SIP dialog feeding the stream now, or null before the device answered (or after it hung up). */
    public String callId() {
        PlayAttempt current = attempt;
        return current == null ? null : current.callId();
    }

    public String streamId() {
        return streamId;
    }

    public String channelId() {
        return channelId;
    }

    public String deviceId() {
        return deviceId;
    }

    public StreamHub hub() {
        return hub;
    }

    public HlsSegmenter hls() {
        return hls;
    }

    public PlayDiagnosis diagnosis() {
        return diagnosis;
    }

    /** Completes once the first keyframe arrived; fails with a {@link PlayFailedException}. */
    public CompletableFuture<LiveStream> ready() {
        return ready;
    }

    public Instant createdAt() {
        return createdAt;
    }

    PlayAttempt attempt() {
        return attempt;
    }

    void attempt(PlayAttempt attempt) {
        this.attempt = attempt;
    }

    /** Play viewers that have not left (for metrics; {@link #status} has it with everything else). */
    public int viewerCount() {
        return viewers.viewerCount();
    }

    ViewerLeases viewers() {
        return viewers;
    }

    StreamRates rates() {
        return rates;
    }

    /** Codec and picture size from the first keyframe's SPS, or null before it. */
    public VideoParameters video() {
        return video;
    }

    void video(VideoParameters parameters) {
        this.video = parameters;
    }

    /** The device's answer to the keyframe request (IFameCmd) sent on play, or null before it. */
    public String keyframeRequest() {
        return keyframeRequest;
    }

    void keyframeRequest(String result) {
        this.keyframeRequest = result;
    }

    public String endReason() {
        return endReason;
    }

    void ended(String reason) {
        this.endReason = reason;
    }

    public boolean isEnded() {
        return endReason != null;
    }

    /** A snapshot of what flows through the stream, for the API. */
    public StreamStatus status() {
        PlayAttempt current = attempt;
        IngestEndpoint endpoint = current == null ? null : current.endpoint();
        return new StreamStatus(current == null ? null : current.transport().token(),
                endpoint == null ? 0 : endpoint.localPort(),
                current == null ? null : current.ssrc().digits(),
                current == null ? null : current.deviceSsrc(),
                endpoint == null ? null : endpoint.stats(),
                endpoint == null ? 0 : endpoint.ssrcChanges(),
                current == null ? 0 : current.ingest().packets(),
                viewers.viewerCount(), viewers.holders(), audio(current), rates.framesPerSecond(),
                rates.bitsPerSecond());
    }

    /** The camera's audio codec, and whether AAC is made of it for the TS outputs; null without audio. */
    private static String audio(PlayAttempt attempt) {
        PsOverRtpIngest ingest = attempt == null ? null : attempt.ingest();
        Codec codec = ingest == null ? null : ingest.audioCodec();
        if (codec == null) {
            return null;
        }
        G711ToAac aac = ingest.aacFromG711();
        return aac != null && aac.framesOut() > 0 ? codec.name() + " (AAC made of it for HLS and recordings)"
                : codec.name();
    }
}
