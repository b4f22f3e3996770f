package io.gbgate.media.source;

import io.gbgate.media.AccessUnit;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synthetic camera: encodes the test pattern in real time on a shared scheduler (no thread of
 * its own) and hands each access unit to a consumer. The consumer must not keep the unit beyond
 * the call unless it retains it; the source releases its reference afterwards. Exceptions thrown
 * by the consumer are counted and logged and do not stop the source; an encoder failure does.
 *
 * <p>Frame {@code n} gets the presentation time {@code n * 90000 / fps}; frame numbering goes on
 * across {@link #stop()} and {@link #start()}.
 */
public final class TestPatternSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TestPatternSource.class);
    /** After the first consumer failure only every this many further failures is logged. */
    private static final long FAILURE_LOG_INTERVAL = 100;

    private final TestPatternConfig config;
    private final ScheduledExecutorService scheduler;
    private final Consumer<AccessUnit> consumer;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong consumerFailures = new AtomicLong();
    private TestPatternEncoder encoder;
    private ScheduledFuture<?> ticks;
    private long nextFrame;

    public TestPatternSource(TestPatternConfig config, ScheduledExecutorService scheduler,
            Consumer<AccessUnit> consumer) {
        this(config, scheduler, consumer, Clock.systemDefaultZone());
    }

    /** As above with the clock whose time is burned into the picture. */
    public TestPatternSource(TestPatternConfig config, ScheduledExecutorService scheduler,
            Consumer<AccessUnit> consumer, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens the encoder and schedules one frame every {@code 1/fps} seconds. Does nothing when
     * already running.
     *
     * @throws IllegalStateException when no H.264 encoder can be opened
     */
    public void start() {
        synchronized (lock) {
            if (encoder != null) {
                return;
            }
            encoder = new TestPatternEncoder(config, clock, PooledByteBufAllocator.DEFAULT);
            long periodNanos = TimeUnit.SECONDS.toNanos(1) / config.fps();
            ticks = scheduler.scheduleAtFixedRate(this::tick, 0, periodNanos, TimeUnit.NANOSECONDS);
            log.info("test pattern {} started: {}x{} @ {} fps with {}", config.cameraName(), config.width(),
                    config.height(), config.fps(), encoder.encoderName());
        }
    }

    /**
     * Stops delivering and frees the encoder. When it returns no frame is being delivered and
     * none will be until the next {@link #start()}. Safe to call repeatedly and from the consumer.
     */
    public void stop() {
        synchronized (lock) {
            if (encoder == null) {
                return;
            }
            ticks.cancel(false);
            ticks = null;
            encoder.close();
            encoder = null;
            log.info("test pattern {} stopped after {} frames", config.cameraName(), delivered.get());
        }
    }

    @Override
    public void close() {
        stop();
    }

    public boolean isRunning() {
        synchronized (lock) {
            return encoder != null;
        }
    }

    /** Access units handed to the consumer so far. */
    public long framesDelivered() {
        return delivered.get();
    }

    /** Calls in which the consumer threw. */
    public long consumerFailures() {
        return consumerFailures.get();
    }

    public TestPatternConfig config() {
        return config;
    }

    private void tick() {
        synchronized (lock) {
            if (encoder == null) {
                return; // a tick that was already queued when stop() ran
            }
            AccessUnit unit;
            try {
                unit = encoder.encodeNext(config.pts90k(nextFrame));
                nextFrame++;
            } catch (RuntimeException e) {
                log.error("test pattern {}: encoder failed, stopping", config.cameraName(), e);
                stop();
                return;
            }
            if (unit != null) {
                deliver(unit);
            }
        }
    }

    private void deliver(AccessUnit unit) {
        delivered.incrementAndGet();
        try {
            consumer.accept(unit);
        } catch (RuntimeException e) {
            long failures = consumerFailures.incrementAndGet();
            if (failures == 1 || failures % FAILURE_LOG_INTERVAL == 0) {
                log.warn("test pattern {}: consumer failed ({} failures so far)", config.cameraName(), failures, e);
            }
        } finally {
            unit.release();
        }
    }
}
