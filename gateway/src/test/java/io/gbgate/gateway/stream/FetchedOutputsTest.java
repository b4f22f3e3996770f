package io.gbgate.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetchedOutputsTest {
    private static final Duration IDLE = Duration.ofSeconds(10);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    // the sweep is driven by the tests through expireIdle; the scheduled one would run only after an hour
    private final FetchedOutputs<CountedOutput> outputs = new FetchedOutputs<>("test", IDLE, scheduler, Duration.ofHours(1));
    private final AtomicInteger started = new AtomicInteger();

    private static final class CountedOutput implements FetchedOutputs.Output {
        final int number;
        volatile boolean stale;
        final AtomicInteger closes = new AtomicInteger();

        CountedOutput(int number) {
            this.number = number;
        }

        @Override
        public boolean stale() {
            return stale;
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @AfterEach
    void stop() {
        outputs.close();
        scheduler.shutdownNow();
    }

    private CountedOutput fetch(String streamId) {
        return outputs.fetch(streamId, () -> new CountedOutput(started.incrementAndGet()));
    }

    @Test
    void theFirstFetchStartsAndLaterFetchesShareTheOutput() {
        CountedOutput first = fetch("a");
        assertThat(fetch("a")).isSameAs(first);
        assertThat(fetch("b")).isNotSameAs(first);
        assertThat(started).hasValue(2);
        assertThat(outputs.size()).isEqualTo(2);
        assertThat(outputs.existing("c")).isEmpty();
    }

    @Test
    void anOutputNobodyFetchedForTheIdleTimeoutIsClosedOnceAndTheNextFetchStartsAnother() {
        CountedOutput first = fetch("a");
        long afterIdle = System.nanoTime() + IDLE.toNanos() + TimeUnit.SECONDS.toNanos(1);
        outputs.expireIdle(System.nanoTime());
        assertThat(first.closes).hasValue(0);
        outputs.expireIdle(afterIdle);
        outputs.expireIdle(afterIdle);
        assertThat(first.closes).hasValue(1);
        assertThat(outputs.existing("a")).isEmpty();
        assertThat(fetch("a").number).isEqualTo(2);
    }

    @Test
    void aStaleOutputIsReplacedOnFetchAndClosedBySweep() {
        CountedOutput first = fetch("a");
        first.stale = true;
        CountedOutput second = fetch("a");
        assertThat(second).isNotSameAs(first);
        assertThat(first.closes).hasValue(1);
        second.stale = true;
        outputs.expireIdle(System.nanoTime());
        assertThat(second.closes).hasValue(1);
        assertThat(outputs.size()).isZero();
    }

    @Test
    void endingAStreamClosesItsOutputAndCloseClosesTheRest() {
        CountedOutput a = fetch("a");
        CountedOutput b = fetch("b");
        outputs.end("a");
        outputs.end("a");
        assertThat(a.closes).hasValue(1);
        outputs.close();
        assertThat(b.closes).hasValue(1);
        assertThat(outputs.size()).isZero();
    }
}
