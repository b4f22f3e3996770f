package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Polls a condition with a generous timeout; nothing in the tests depends on how fast it holds. */
final class Await {
    private static final long TIMEOUT_MILLIS = 20_000;

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            Thread.sleep(2);
        }
    }
}
