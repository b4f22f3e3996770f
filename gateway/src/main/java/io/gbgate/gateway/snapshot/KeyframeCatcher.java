package io.gbgate.gateway.snapshot;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.hub.StreamSink;
import io.netty.buffer.ByteBufUtil;
import java.util.concurrent.CompletableFuture;

/**
 * A temporary hub sink that takes the first video keyframe it sees: the GOP cache's first unit when the stream
 * has one (delivered while the sink is added), else the next keyframe. Copies it out, so nothing is retained.
 */
final class KeyframeCatcher implements StreamSink {

    /** A copied keyframe. */
    record Keyframe(byte[] annexB, Codec codec) {
    }

    private final CompletableFuture<Keyframe> keyframe = new CompletableFuture<>();

    CompletableFuture<Keyframe> keyframe() {
        return keyframe;
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        if (!keyframe.isDone() && unit.codec().isVideo() && unit.keyframe()) {
            keyframe.complete(new Keyframe(ByteBufUtil.getBytes(unit.data()), unit.codec()));
        }
    }

    @Override
    public void onStreamClosed(String reason) {
        keyframe.completeExceptionally(new IllegalStateException("the stream ended before a keyframe: " + reason));
    }
}
