package io.gbgate.storage.recording;

import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.Objects;

/**
 * A finished segment on its way from a recorder to the writer. Whoever holds it owns {@code data} and must
 * release it (the writer does after writing or dropping it).
 *
 * @param channelId  channel
 * @param startAt    wall-clock time of the first access unit
 * @param durationMs media duration
 * @param data       the MPEG-TS bytes
 */
record CompletedSegment(String channelId, Instant startAt, long durationMs, ByteBuf data) {

    CompletedSegment {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(data, "data");
    }

    int size() {
        return data.readableBytes();
    }
}
