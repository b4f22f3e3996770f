package io.gbgate.gateway.history;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.PlaybackState;

/**
 * The replay state of a playback stream after a control.
 *
 * @param streamId  the stream
 * @param channelId its channel
 * @param type      {@code Playback} or {@code Download}
 * @param paused    whether the device holds the playback
 * @param scale     the playback speed
 * @param state     {@code ready}, {@code starting} or {@code ended}
 * @param endReason why it ended, or null
 */
public record PlaybackView(String streamId, String channelId, String type, boolean paused, double scale,
                           String state, String endReason) {

    static PlaybackView of(LiveStream stream) {
        PlaybackState playback = stream.playback();
        String state = stream.isEnded() ? "ended" : stream.ready().isDone() ? "ready" : "starting";
        return new PlaybackView(stream.streamId(), stream.channelId(), playback.session().type().sdpName(),
                playback.paused(), playback.scale(), state, stream.endReason());
    }
}
