package io.gbgate.gateway.simulator;

import io.gbgate.media.rtp.RtpSender;
import io.gbgate.sip.device.MediaAnswer;
import io.gbgate.sip.device.MediaSession;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One answered INVITE of a simulated camera: PS pictures from its feed go out as RTP to the
 * platform over UDP or TCP (RFC 4571), starting on ACK and stopping on BYE. A playback pauses and
 * resumes on MANSRTSP (pictures in between are skipped, as a live source would).
 */
final class CameraMediaSession implements MediaSession {
    private final PsFeed feed;
    private final RtpSender sender;
    private final MediaAnswer answer;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean paused;

    CameraMediaSession(PsFeed feed, RtpSender sender, MediaAnswer answer) {
        this.feed = feed;
        this.sender = sender;
        this.answer = answer;
    }

    @Override
    public MediaAnswer answer() {
        return answer;
    }

    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return; // a retransmitted ACK
        }
        feed.start((ps, timestamp) -> {
            if (!paused) {
                sender.send(ps, timestamp);
            }
        });
    }

    /** MANSRTSP PAUSE: the feed runs on, its pictures are not sent until resumed. */
    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
    }

    @Override
    public void stop() {
        feed.close();
        sender.close();
    }
}
