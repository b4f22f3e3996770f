package io.gbgate.media.llhls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.PooledByteBufAllocator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Blocking playlist reloads and preload-hinted parts: futures that complete when the part exists. */
class LlHlsBlockingTest {
    private final SteppingClock clock = new SteppingClock(Instant.parse("2025-03-01T08:00:00Z"));
    /** Wake-ups run when the test says so, which shows they never run on the ingest thread. */
    private final List<Runnable> wakeups = new ArrayList<>();
    private final Executor queued = wakeups::add;
    private LlHlsOutput out;
    private PatternFeed feed;

    @BeforeEach
    void start() {
        out = new LlHlsOutput(new LlHlsSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 6),
                PooledByteBufAllocator.DEFAULT, clock, queued);
        feed = new PatternFeed(out, clock);
    }

    @AfterEach
    void stop() {
        out.close();
        feed.close();
    }

    private void runWakeups() {
        List<Runnable> due = new ArrayList<>(wakeups);
        wakeups.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void aReloadForTheNextPartCompletesWhenThatPartIsPublished() {
        feed.frames(8); // part 0.0 published, 0.1 next
        assertThat(out.latestPart()).contains(new PartPosition(0, 0));
        CompletableFuture<Void> next = out.await(new BlockingReload(0, 1));
        CompletableFuture<Void> published = out.await(new BlockingReload(0, 0));
        assertThat(published).isCompleted();
        feed.frames(3); // frame 10 arrives: frames 5..9 complete, part 0.1 is cut
        assertThat(out.part(new PartPosition(0, 1))).isPresent();
        assertThat(next).as("completed on the wake-up executor, not the ingest thread").isNotDone();
        runWakeups();
        assertThat(next).isCompleted();
        assertThat(out.stats().waitingRequests()).isZero();
    }

    @Test
    void aPartIndexPastTheEndOfItsSegmentMeansTheFirstPartOfTheNext() {
        feed.frames(23); // segment 0: parts 0..3, frames 20..22 queued
        CompletableFuture<Void> pastEnd = out.await(new BlockingReload(0, 7));
        feed.frames(2); // keyframe 25: part 0.4 (frames 20..24) ends segment 0
        runWakeups();
        assertThat(pastEnd).isNotDone();
        feed.frames(6); // frame 30 completes part 1.0
        runWakeups();
        assertThat(pastEnd).isCompleted();
    }

    @Test
    void aReloadForAWholeSegmentWaitsUntilTheSegmentIsComplete() {
        feed.frames(20);
        CompletableFuture<Void> segment0 = out.await(new BlockingReload(0, -1));
        feed.frames(5); // frames 20..24: the keyframe that ends segment 0 has not come yet
        runWakeups();
        assertThat(segment0).isNotDone();
        feed.frames(1); // keyframe 25 completes segment 0
        runWakeups();
        assertThat(segment0).isCompleted();
        assertThat(out.segment(0)).isPresent();
    }

    @Test
    void reloadsTooFarAheadAreRefusedAtOnce() {
        feed.frames(8); // newest part 0.0, advance part limit 3 / 0.2 = 15
        assertThat(out.advancePartLimit()).isEqualTo(15);
        assertThatThrownBy(() -> out.await(new BlockingReload(3, -1)))
                .isInstanceOf(LlHlsRequestException.class).hasMessageContaining("more than two segments ahead");
        assertThatThrownBy(() -> out.await(new BlockingReload(0, 16)))
                .isInstanceOf(LlHlsRequestException.class).hasMessageContaining("parts ahead");
        assertThat(out.await(new BlockingReload(2, 3))).isNotDone();
        assertThat(out.await(new BlockingReload(0, 15))).isNotDone();
    }

    @Test
    void theStreamEndingReleasesEveryWaiter() {
        feed.frames(8);
        CompletableFuture<Void> never = out.await(new BlockingReload(2, 0));
        out.onStreamClosed("BYE from the device");
        runWakeups();
        assertThat(never).isCompleted();
        assertThat(out.isEnded()).isTrue();
        assertThat(out.part(new PartPosition(2, 0))).isEmpty();
        assertThat(out.await(new BlockingReload(9, 0))).as("nothing is ahead of an ended stream").isCompleted();
    }

    @Test
    void aTimedOutWaiterLeavesTheQueue() throws Exception {
        feed.frames(8);
        CompletableFuture<Void> held = out.await(new BlockingReload(0, 3)).orTimeout(50, TimeUnit.MILLISECONDS);
        assertThat(out.stats().waitingRequests()).isEqualTo(1);
        assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(out.stats().waitingRequests()).isZero();
    }

    @Test
    void firstSegmentCompletesWithTheFirstSegmentOrTheEnd() {
        CompletableFuture<Void> first = out.firstSegment();
        feed.frames(25);
        runWakeups();
        assertThat(out.latestPart()).contains(new PartPosition(0, 3));
        assertThat(first).as("parts alone are not enough").isNotDone();
        feed.frames(1); // keyframe 25 completes segment 0
        runWakeups();
        assertThat(first).isCompleted();

        try (LlHlsOutput silent = new LlHlsOutput(LlHlsSettings.defaults(), PooledByteBufAllocator.DEFAULT, clock,
                Runnable::run)) {
            CompletableFuture<Void> none = silent.firstSegment();
            silent.onStreamClosed("no media");
            assertThat(none).isCompleted();
            assertThat(silent.playlist(PlaylistKind.LOW_LATENCY, "")).endsWith("#EXT-X-ENDLIST\n");
        }
    }

    @Test
    void noWakeUpIsLostWhileWaitersRegisterDuringPublishing() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (LlHlsOutput live = new LlHlsOutput(new LlHlsSettings(Duration.ofMillis(200), Duration.ofSeconds(1), 6),
                PooledByteBufAllocator.DEFAULT, clock, ForkJoinPool.commonPool());
                PatternFeed liveFeed = new PatternFeed(live, clock)) {
            liveFeed.frames(6);
            List<CompletableFuture<Void>> held = new CopyOnWriteArrayList<>();
            CountDownLatch registering = new CountDownLatch(4);
            AtomicBoolean publishing = new AtomicBoolean(true);
            for (int c = 0; c < 4; c++) {
                clients.execute(() -> {
                    registering.countDown();
                    // whatever part is next at the moment, as a player asks; fewer than PartWaiters.MAX_WAITING
                    for (int i = 0; i < 300 && publishing.get(); i++) {
                        held.add(live.await(BlockingReload.of(live.nextPart())));
                        LockSupport.parkNanos(2_000_000);
                    }
                });
            }
            registering.await();
            liveFeed.frames(60); // publishes 12 more parts while the clients register
            publishing.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            liveFeed.frames(6); // the next part after the last registration
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(held).hasSizeGreaterThan(4);
            assertThat(live.stats().waitingRequests()).isZero();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void holdLimitIsThreeTargetDurations() {
        assertThat(out.holdLimit()).isEqualTo(Duration.ofSeconds(3));
    }
}
