package io.gbgate.sip.stack;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Keeps the threads of one jain-sip stack in their own {@link ThreadGroup} so they can be found
 * again at shutdown.
 *
 * <p>jain-sip-ri 1.3.0-91 stops its {@code EventScannerThread} by setting a flag while the thread
 * sits in {@code BlockingQueue.take()}; the non-daemon thread would never end. Creating the stack
 * from a thread of a dedicated group makes every stack thread a member of that group, and
 * {@link #interruptEventScanner()} wakes the scanner after {@code SipStack.stop()} so it exits.
 */
final class JainSipThreads {

    private static final String EVENT_SCANNER = "EventScannerThread";

    private final ThreadGroup group;

    JainSipThreads(String stackName) {
        this.group = new ThreadGroup("sip-" + stackName);
    }

    /** Runs {@code action} on a short-lived thread of the group and returns its result. */
    <T> T callInGroup(Callable<T> action) throws Exception {
        FutureTask<T> task = new FutureTask<>(action);
        Thread creator = new Thread(group, task, group.getName() + "-init");
        creator.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Interrupts the stopped stack's event scanner thread, which otherwise blocks forever. */
    void interruptEventScanner() {
        Thread[] threads = new Thread[group.activeCount() + 8];
        int count = group.enumerate(threads, true);
        Arrays.stream(threads, 0, count)
                .filter(t -> EVENT_SCANNER.equals(t.getName()))
                .forEach(Thread::interrupt);
    }
}
