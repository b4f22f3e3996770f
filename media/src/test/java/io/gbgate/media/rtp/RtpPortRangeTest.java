package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RtpPortRangeTest {

    @Test
    void handsOutEvenPortsInOrderUntilExhausted() {
        RtpPortRange range = new RtpPortRange(30_001, 30_008); // even ports 30002..30008
        assertThat(range.capacity()).isEqualTo(4);
        assertThat(List.of(range.allocate(), range.allocate(), range.allocate(), range.allocate()))
                .containsExactly(30_002, 30_004, 30_006, 30_008);
        assertThatThrownBy(range::allocate).isInstanceOf(IllegalStateException.class);
        assertThat(range.inUse()).isEqualTo(4);
    }

    @Test
    void freedPortsAreReusedAfterTheRestOfTheRange() {
        RtpPortRange range = new RtpPortRange(30_000, 30_006);
        int a = range.allocate();
        int b = range.allocate();
        range.release(a);
        assertThat(range.allocate()).isEqualTo(30_004); // next-fit: not the just-freed port
        assertThat(range.allocate()).isEqualTo(30_006);
        assertThat(range.allocate()).isEqualTo(a); // wraps around to the freed one
        range.release(b);
        assertThat(range.allocate()).isEqualTo(b);
        assertThat(range.inUse()).isEqualTo(4);
    }

    @Test
    void rejectsForeignAndDoubleReleases() {
        RtpPortRange range = new RtpPortRange(30_000, 30_010);
        int port = range.allocate();
        assertThatThrownBy(() -> range.release(port + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> range.release(40_000)).isInstanceOf(IllegalArgumentException.class);
        range.release(port);
        assertThatThrownBy(() -> range.release(port)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRangesWithoutAnEvenPort() {
        assertThatThrownBy(() -> new RtpPortRange(30_001, 30_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPortRange(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RtpPortRange(65_530, 65_536)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentAllocationsNeverHandOutAPortTwice() throws InterruptedException {
        RtpPortRange range = new RtpPortRange(20_000, 29_999);
        Set<Integer> taken = ConcurrentHashMap.newKeySet();
        List<Integer> duplicates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 1000; i++) {
                    int port = range.allocate();
                    if (!taken.add(port)) {
                        synchronized (duplicates) {
                            duplicates.add(port);
                        }
                    }
                    if (i % 2 == 0) {
                        taken.remove(port);
                        range.release(port);
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(range.inUse()).isEqualTo(2000).isEqualTo(taken.size());
    }
}
