package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.DeviceCommandException;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Futures waiting for a device's MANSCDP answer, keyed by device, CmdType and SN. Each future
 * times out on its own and is forgotten once completed.
 */
public final class PendingAnswers {

    /** Identity of one query. */
    public record Key(String deviceId, String cmdType, long sn) {
    }

    private final Map<Key, CompletableFuture<Object>> pending = new ConcurrentHashMap<>();
    private final Duration timeout;

    /** Creates the table with the answer timeout. */
    public PendingAnswers(Duration timeout) {
        this.timeout = timeout;
    }

    /** Registers a future for {@code key}; it fails with a {@link DeviceCommandException} NO_ANSWER after the timeout. */
    public CompletableFuture<Object> expect(Key key) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        pending.put(key, future);
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((value, error) -> pending.remove(key, future));
        return future.exceptionallyCompose(error -> CompletableFuture.failedFuture(
                error instanceof TimeoutException
                        ? new DeviceCommandException(Failure.NO_ANSWER, key.deviceId(), 0, "no " + key.cmdType()
                        + " answer to SN " + key.sn() + " within " + timeout.toMillis() + " ms", error)
                        : error));
    }

    /** Completes the future for {@code key}, if one waits. */
    public void complete(Key key, Object value) {
        CompletableFuture<Object> future = pending.get(key);
        if (future != null) {
            future.complete(value);
        }
    }

    /** Fails the future for {@code key}, if one waits. */
    public void fail(Key key, Throwable error) {
        CompletableFuture<Object> future = pending.get(key);
        if (future != null) {
            future.completeExceptionally(error);
        }
    }

    /** Fails every waiting future (platform shutdown). */
    public void failAll(Throwable error) {
        pending.values().forEach(f -> f.completeExceptionally(error));
        pending.clear();
    }
}
