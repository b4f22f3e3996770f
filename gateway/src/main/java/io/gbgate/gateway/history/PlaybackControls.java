package io.gbgate.gateway.history;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.gateway.control.DeviceUnavailableException;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.PlaybackState;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.sip.mansrtsp.MansrtspPause;
import io.gbgate.sip.mansrtsp.MansrtspPlay;
import io.gbgate.sip.mansrtsp.MansrtspRequest;
import io.gbgate.sip.platform.SipPlatform;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Pause, resume, seek and speed of playback streams, sent to the device as MANSRTSP in SIP INFO. The stream's
 * state changes only once the device accepted the control.
 */
public final class PlaybackControls {
    /** Slowest speed accepted. */
    static final double MIN_SCALE = 0.125;
    /** Fastest speed accepted. */
    static final double MAX_SCALE = 32;

    private final StreamService streams;
    private final SipPlatform sip;

    public PlaybackControls(StreamService streams, SipPlatform sip) {
        this.streams = streams;
        this.sip = sip;
    }

    public CompletableFuture<PlaybackView> pause(String streamId) {
        LiveStream stream = playback(streamId);
        return send(stream, MansrtspPause.now(stream.playback().nextCseq()), PlaybackState::markPaused);
    }

    public CompletableFuture<PlaybackView> resume(String streamId) {
        LiveStream stream = playback(streamId);
        return send(stream, MansrtspPlay.resume(stream.playback().nextCseq()),
                state -> state.markResumed(System.nanoTime()));
    }

    /** Continues from {@code seconds} into the requested range. */
    public CompletableFuture<PlaybackView> seek(String streamId, double seconds) {
        LiveStream stream = playback(streamId);
        Duration range = Duration.between(stream.playback().session().start(), stream.playback().session().stop());
        if (!Double.isFinite(seconds) || seconds < 0 || seconds > range.toSeconds()) {
            throw new IllegalArgumentException("seek position must be 0.." + range.toSeconds()
                    + " seconds into the playback range, got " + seconds);
        }
        return send(stream, MansrtspPlay.seek(stream.playback().nextCseq(), seconds),
                state -> state.markSeeked(System.nanoTime()));
    }

    /** Plays at {@code scale} times real time; timestamps are rewritten so players follow. */
    public CompletableFuture<PlaybackView> speed(String streamId, double scale) {
        if (!Double.isFinite(scale) || scale < MIN_SCALE || scale > MAX_SCALE) {
            throw new IllegalArgumentException("speed scale must be " + MIN_SCALE + ".." + MAX_SCALE + " (e.g. 0.5,"
                    + " 1, 2, 4), got " + scale);
        }
        LiveStream stream = playback(streamId);
        return send(stream, MansrtspPlay.scale(stream.playback().nextCseq(), scale),
                state -> state.markScale(scale));
    }

    private LiveStream playback(String streamId) {
        LiveStream stream = streams.stream(streamId).orElseThrow(() -> new NotFoundException(
                "no running stream " + streamId));
        if (stream.playback() == null) {
            throw new IllegalArgumentException("stream " + streamId + " is a live view: only playbacks can be"
                    + " paused, resumed, sought or sped up");
        }
        return stream;
    }

    private CompletableFuture<PlaybackView> send(LiveStream stream, MansrtspRequest control,
                                                 Consumer<PlaybackState> confirmed) {
        String callId = stream.callId();
        if (callId == null) {
            throw new DeviceUnavailableException("stream " + stream.streamId() + " has no call with the device yet"
                    + " (or the device hung up)");
        }
        return sip.sendPlaybackControl(callId, control).thenApply(done -> {
            confirmed.accept(stream.playback());
            return PlaybackView.of(stream);
        });
    }
}
