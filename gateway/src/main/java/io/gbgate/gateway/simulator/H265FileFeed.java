package io.gbgate.gateway.simulator;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.source.H265ElementaryStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H.265 camera: loops the pictures of an Annex B elementary stream in real time at a fixed frame
 * rate, timestamps going on across loops. Wrap it in a {@link MuxedFeed} for GB28181 PS.
 */
public final class H265FileFeed implements CameraFeed {
    private static final Logger log = LoggerFactory.getLogger(H265FileFeed.class);

    private final H265ElementaryStream stream;
    private final ByteBuf bytes;
    private final int fps;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;
    private Consumer<AccessUnit> consumer;
    private long frame;

    public H265FileFeed(H265ElementaryStream stream, int fps, ScheduledExecutorService scheduler) {
        if (fps < 1 || fps > 120) {
            throw new IllegalArgumentException("fps outside 1..120: " + fps);
        }
        this.stream = stream;
        this.bytes = Unpooled.wrappedBuffer(stream.bytes());
        this.fps = fps;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start(Consumer<AccessUnit> consumer) {
        if (task != null) {
            throw new IllegalStateException("already started");
        }
        this.consumer = consumer;
        task = scheduler.scheduleAtFixedRate(this::sendNext, 0, TimeUnit.SECONDS.toNanos(1) / fps,
                TimeUnit.NANOSECONDS);
    }

    private synchronized void sendNext() {
        if (task == null) {
            return;
        }
        H265ElementaryStream.Picture picture = stream.pictures().get((int) (frame % stream.pictures().size()));
        long pts = frame * 90_000L / fps;
        frame++;
        try {
            consumer.accept(new AccessUnit(Codec.H265, pts, pts, picture.keyframe(),
                    bytes.slice(picture.offset(), picture.length())));
        } catch (RuntimeException e) {
            log.warn("simulated H.265 camera: sending picture {} failed", frame - 1, e);
        }
    }

    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
