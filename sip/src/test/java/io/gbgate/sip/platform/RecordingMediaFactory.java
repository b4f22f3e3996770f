package io.gbgate.sip.platform;

import io.gbgate.sip.device.MediaAnswer;
import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.device.MediaRejectedException;
import io.gbgate.sip.device.MediaSession;
import io.gbgate.sip.device.MediaSessionFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test media factory: answers, rejects or never answers, and records offers, starts and stops. */
final class RecordingMediaFactory implements MediaSessionFactory {

    enum Mode { ANSWER, BUSY, NEVER }

    final List<MediaOffer> offers = new CopyOnWriteArrayList<>();
    final List<MediaOffer> started = new CopyOnWriteArrayList<>();
    final List<MediaOffer> stopped = new CopyOnWriteArrayList<>();
    /** Playback controls that reached the sessions, as "pause", "resume", "seek 12.5", "scale 2.0". */
    final List<String> controls = new CopyOnWriteArrayList<>();
    volatile Mode mode = Mode.ANSWER;
    /** SSRC the device answers with; null = keep the offered one. */
    volatile String answerSsrc;

    @Override
    public CompletionStage<MediaSession> open(MediaOffer offer) {
        offers.add(offer);
        return switch (mode) {
            case BUSY -> CompletableFuture.failedFuture(new MediaRejectedException(486, "Busy Here"));
            case NEVER -> new CompletableFuture<>();
            case ANSWER -> CompletableFuture.completedFuture(session(offer));
        };
    }

    private MediaSession session(MediaOffer offer) {
        MediaAnswer answer = new MediaAnswer("127.0.0.1", 40_000, answerSsrc != null ? answerSsrc : offer.ssrc());
        return new MediaSession() {
            @Override
            public MediaAnswer answer() {
                return answer;
            }

            @Override
            public void start() {
                started.add(offer);
            }

            @Override
            public void stop() {
                stopped.add(offer);
            }

            @Override
            public void pause() {
                controls.add("pause");
            }

            @Override
            public void resume() {
                controls.add("resume");
            }

            @Override
            public void seek(double seconds) {
                controls.add("seek " + seconds);
            }

            @Override
            public void scale(double factor) {
                controls.add("scale " + factor);
            }
        };
    }
}
