package io.gbgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Test helper: remembers live non-daemon threads and asserts no new ones survive a close. */
public final class ThreadLeakCheck {

    private final Set<Thread> before;

    private ThreadLeakCheck(Set<Thread> before) {
        this.before = before;
    }

    /** Snapshot of the current non-daemon threads. */
    public static ThreadLeakCheck snapshot() {
        return new ThreadLeakCheck(nonDaemon());
    }

    /** Waits up to 10 s for threads created since the snapshot to end, then asserts none remain. */
    public void assertNoNewNonDaemonThreads() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<Thread> leaked = leaked();
        while (!leaked.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            leaked = leaked();
        }
        assertThat(leaked.stream().map(Thread::getName).collect(Collectors.toList()))
                .as("non-daemon threads left after close").isEmpty();
    }

    private Set<Thread> leaked() {
        Set<Thread> now = nonDaemon();
        now.removeAll(before);
        return now;
    }

    private static Set<Thread> nonDaemon() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .collect(Collectors.toSet());
    }
}
