package io.gbgate.sip.platform;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Test helper: polls a condition with a generous timeout (no timing assertion). */
final class Await {

    private static final long TIMEOUT_MILLIS = 15_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
