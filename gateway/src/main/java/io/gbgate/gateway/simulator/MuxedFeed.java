package io.gbgate.gateway.simulator;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.ps.PsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** Packs the access units of a {@link CameraFeed} into GB28181-style MPEG-PS (video only). */
public final class MuxedFeed implements PsFeed {
    private final CameraFeed pictures;
    private final ByteBufAllocator alloc;
    private PsMuxer muxer;

    public MuxedFeed(CameraFeed pictures, ByteBufAllocator alloc) {
        this.pictures = pictures;
        this.alloc = alloc;
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
            muxer = new PsMuxer(unit.codec(), null);
        }
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
