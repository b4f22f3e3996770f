package io.gbgate.media.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestPatternSourceTest {
    private static final long AWAIT_SECONDS = 20;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void shutDown() throws InterruptedException {
        scheduler.shutdownNow();
        assertThat(scheduler.awaitTermination(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    /** What the consumer saw of a unit, copied inside the call as the contract requires. */
    private record Seen(long pts, boolean keyframe, int size, AccessUnit unit) {
    }

    @Test
    void twoCamerasShareOneSchedulerThreadAndStopCleanly() throws Exception {
        List<Seen> first = new CopyOnWriteArrayList<>();
        List<Seen> second = new CopyOnWriteArrayList<>();
        CountDownLatch enough = new CountDownLatch(2 * 10);
        TestPatternSource a = new TestPatternSource(TestPatternConfig.of("cam-a", 320, 240, 25), scheduler,
                unit -> {
                    first.add(new Seen(unit.pts(), unit.keyframe(), unit.size(), unit));
                    enough.countDown();
                });
        TestPatternSource b = new TestPatternSource(TestPatternConfig.of("cam-b", 176, 144, 10), scheduler,
                unit -> {
                    second.add(new Seen(unit.pts(), unit.keyframe(), unit.size(), unit));
                    enough.countDown();
                });
        a.start();
        b.start();
        assertThat(a.isRunning()).isTrue();
        assertThat(enough.await(AWAIT_SECONDS, TimeUnit.SECONDS)).as("both cameras deliver").isTrue();
        a.stop();
        b.stop();
        assertThat(a.isRunning()).isFalse();

        int firstCount = first.size();
        int secondCount = second.size();
        assertThat(a.framesDelivered()).isEqualTo(firstCount);
        assertThat(b.framesDelivered()).isEqualTo(secondCount);
        // nothing arrives after stop() returned, even once a few frame periods have passed
        TimeUnit.MILLISECONDS.sleep(300);
        assertThat(first).hasSize(firstCount);
        assertThat(second).hasSize(secondCount);

        assertThat(first.get(0).keyframe()).isTrue();
        assertThat(second.get(0).keyframe()).isTrue();
        for (int i = 0; i < firstCount; i++) {
            assertThat(first.get(i).pts()).isEqualTo(i * 3600L);
            assertThat(first.get(i).size()).isPositive();
            assertThat(first.get(i).unit().data().refCnt()).as("released by the source").isZero();
        }
        for (int i = 0; i < secondCount; i++) {
            assertThat(second.get(i).pts()).isEqualTo(i * 9000L);
        }
        assertThat(a.consumerFailures()).isZero();
    }

    @Test
    void consumerExceptionsAreCountedAndDoNotStopTheSource() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(6);
        TestPatternSource source = new TestPatternSource(TestPatternConfig.of("flaky", 160, 120, 25), scheduler,
                unit -> {
                    calls.incrementAndGet();
                    enough.countDown();
                    throw new IllegalStateException("consumer failure " + calls.get());
                });
        source.start();
        try {
            assertThat(enough.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(source.isRunning()).isTrue();
        } finally {
            source.stop();
        }
        assertThat(source.consumerFailures()).isEqualTo(calls.get()).isGreaterThanOrEqualTo(6);
        assertThat(source.framesDelivered()).isEqualTo(calls.get());
    }

    @Test
    void canBeStoppedFromTheConsumerAndRestartedWithContinuingTimestamps() throws Exception {
        List<Long> pts = new CopyOnWriteArrayList<>();
        CountDownLatch stoppedItself = new CountDownLatch(1);
        TestPatternSource[] holder = new TestPatternSource[1];
        holder[0] = new TestPatternSource(TestPatternConfig.of("restart", 160, 120, 25), scheduler, unit -> {
            pts.add(unit.pts());
            if (pts.size() == 3) {
                holder[0].stop();
                stoppedItself.countDown();
            }
        });
        TestPatternSource source = holder[0];
        source.start();
        source.start(); // already running: no second schedule
        assertThat(stoppedItself.await(AWAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(source.isRunning()).isFalse();
        assertThat(pts).containsExactly(0L, 3600L, 7200L);

        source.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(AWAIT_SECONDS);
            while (pts.size() < 5 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(10);
            }
        } finally {
            source.stop();
        }
        assertThat(pts).startsWith(0L, 3600L, 7200L, 10800L, 14400L);
    }
}
