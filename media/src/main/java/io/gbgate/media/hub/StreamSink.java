package io.gbgate.media.hub;

import io.gbgate.media.AccessUnit;

/**
 * A consumer of one live stream (HLS muxer, WebRTC session, recorder, ...). Called on the
 * stream's ingest thread: it must not block. A sink that keeps an access unit must retain it.
 */
public interface StreamSink {

    void onAccessUnit(AccessUnit unit);

    /** The stream ended; {@code reason} says why in words an operator understands. */
    default void onStreamClosed(String reason) {
    }
}
