package io.gbgate.gateway.simulator;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.ps.PsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Packs the access units of a {@link CameraFeed} into GB28181-style MPEG-PS: the video, and with a
 * {@link G711Tone} also G.711 A-law audio in PES packets of their own, as cameras with a microphone send it.
 */
public final class MuxedFeed implements PsFeed {
    private final CameraFeed pictures;
    private final ByteBufAllocator alloc;
    private final G711Tone tone;
    private PsMuxer muxer;

    /** Video only. */
    public MuxedFeed(CameraFeed pictures, ByteBufAllocator alloc) {
        this(pictures, alloc, null);
    }

    /** Video and, when {@code tone} is not null, its G.711 audio. */
    public MuxedFeed(CameraFeed pictures, ByteBufAllocator alloc, G711Tone tone) {
        this.pictures = pictures;
        this.alloc = alloc;
        this.tone = tone;
    }

    @Override
    public void start(FrameConsumer consumer) {
        pictures.start(unit -> send(unit, consumer));
    }

    private void send(AccessUnit unit, FrameConsumer consumer) {
        if (!unit.codec().isVideo()) {
            return;
        }
        if (muxer == null) {
            muxer = new PsMuxer(unit.codec(), tone == null ? null : Codec.G711A);
        }
        if (tone != null) {
            tone.unitsUntil(unit.pts(), alloc, audio -> sendUnit(audio, consumer));
        }
        sendUnit(unit, consumer);
    }

    private void sendUnit(AccessUnit unit, FrameConsumer consumer) {
        ByteBuf ps = muxer.mux(unit, alloc);
        try {
            consumer.accept(ps, unit.pts());
        } finally {
            ps.release();
        }
    }

    @Override
    public void close() {
        pictures.close();
    }
}
