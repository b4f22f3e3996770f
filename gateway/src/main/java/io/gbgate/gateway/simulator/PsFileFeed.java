package io.gbgate.gateway.simulator;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loops a {@link PsFile} in real time, sending its original bytes frame by frame. */
public final class PsFileFeed implements PsFeed {
    private static final Logger log = LoggerFactory.getLogger(PsFileFeed.class);
    private static final long TICK_MILLIS = 10;

    private final PsFile file;
    private final ByteBuf bytes;
    private final ScheduledExecutorService scheduler;
    private ScheduledFuture<?> task;
    private FrameConsumer consumer;
    private long startNanos;
    private long loop;
    private int index;

    public PsFileFeed(PsFile file, ScheduledExecutorService scheduler) {
        this.file = file;
        this.bytes = Unpooled.wrappedBuffer(file.bytes());
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start(FrameConsumer consumer) {
        if (task != null) {
            throw new IllegalStateException("already started");
        }
        this.consumer = consumer;
        this.startNanos = System.nanoTime();
        this.task = scheduler.scheduleAtFixedRate(this::sendDue, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void sendDue() {
        if (task == null) {
            return;
        }
        List<PsFile.Frame> frames = file.frames();
        long elapsedTicks = (System.nanoTime() - startNanos) * 9 / 100_000;
        while (true) {
            PsFile.Frame frame = frames.get(index);
            long due = loop * file.loopTicks() + frame.ticks();
            if (due > elapsedTicks) {
                return;
            }
            try {
                consumer.accept(bytes.slice(frame.offset(), frame.length()), due);
            } catch (RuntimeException e) {
                log.warn("simulated camera: sending {} failed", file.path(), e);
            }
            if (++index == frames.size()) {
                index = 0;
                loop++;
            }
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
