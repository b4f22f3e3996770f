package io.gbgate.media.webrtc;

/** Asks the stream's source for a keyframe (e.g. a GB/T 28181 IFameCmd to the camera). */
@FunctionalInterface
public interface KeyframeRequester {

    /** Called at most once per second per session, on a network thread: must not block. */
    void requestKeyframe(String reason);
}
