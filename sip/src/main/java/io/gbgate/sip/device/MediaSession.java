package io.gbgate.sip.device;

/**
 * One media session the device agreed to send. The playback controls (MANSRTSP in INFO) default to
 * no-ops for sessions that do not support them (live view); a history session signals the end of
 * its recording with {@link SipDeviceAgent#fileEnded(String)}.
 */
public interface MediaSession {

    /** The values for the SDP answer. */
    MediaAnswer answer();

    /** The platform ACKed the 200 OK: start sending. */
    void start();

    /** The call ended (BYE from either side, CANCEL, or MANSRTSP TEARDOWN): stop sending. */
    void stop();

    /** MANSRTSP PAUSE: hold the playback where it is. */
    default void pause() {
    }

    /** MANSRTSP PLAY without a new position or speed: continue after a pause. */
    default void resume() {
    }

    /** MANSRTSP PLAY with {@code Range: npt=<seconds>-}: continue from that offset into the recorded range. */
    default void seek(double seconds) {
    }

    /** MANSRTSP PLAY with {@code Scale}: play at {@code factor} times real time (negative plays backwards). */
    default void scale(double factor) {
    }
}
