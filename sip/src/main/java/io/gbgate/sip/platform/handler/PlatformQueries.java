package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.CatalogQuery;
import io.gbgate.sip.manscdp.CatalogResponse;
import io.gbgate.sip.manscdp.DeviceControl;
import io.gbgate.sip.manscdp.DeviceControlResponse;
import io.gbgate.sip.manscdp.DeviceInfoQuery;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.platform.DeviceCommandException;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.platform.DeviceControlResult;
import io.gbgate.sip.platform.RegisteredDevice;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * MANSCDP queries and controls the platform sends: each gets a fresh SN, and its future completes
 * with the device's answer MESSAGE (matched by device, CmdType and SN), or fails when the device
 * refuses the MESSAGE, does not answer in time or is not registered.
 */
public final class PlatformQueries {

    private final DeviceRegistry registry;
    private final DeviceRequests requests;
    private final PendingAnswers pending;
    private final AtomicLong sn = new AtomicLong(1);

    /** Creates the query sender. */
    public PlatformQueries(DeviceRegistry registry, DeviceRequests requests, PendingAnswers pending) {
        this.registry = registry;
        this.requests = requests;
        this.pending = pending;
    }

    /** Catalog query; completes when all SumNum items of the answer arrived. */
    public CompletableFuture<Void> queryCatalog(String deviceId) {
        return ask(deviceId, CatalogResponse.CMD_TYPE, n -> new CatalogQuery(n, deviceId)).thenApply(x -> null);
    }

    /** DeviceInfo query; completes when the answer arrived (also reported to the listener). */
    public CompletableFuture<DeviceInfoResponse> queryDeviceInfo(String deviceId) {
        return ask(deviceId, DeviceInfoResponse.CMD_TYPE, n -> new DeviceInfoQuery(n, deviceId))
                .thenApply(DeviceInfoResponse.class::cast);
    }

    /** DeviceControl IFameCmd=Send to {@code channelId}; completes with the device's Result. */
    public CompletableFuture<DeviceControlResult> requestKeyframe(String deviceId, String channelId) {
        return ask(deviceId, DeviceControlResponse.CMD_TYPE, n -> DeviceControl.requestIFrame(n, channelId))
                .thenApply(DeviceControlResult.class::cast);
    }

    /**
     * Sends the message {@code build} makes for a fresh SN and waits for the answer of {@code cmdType}
     * with that SN.
     */
    public CompletableFuture<Object> ask(String deviceId, String cmdType, LongFunction<ManscdpMessage> build) {
        return ask(deviceId, cmdType, build, key -> { });
    }

    /** As {@link #ask(String, String, LongFunction)}, calling {@code opened} with the query's key before sending. */
    public CompletableFuture<Object> ask(String deviceId, String cmdType, LongFunction<ManscdpMessage> build,
                                         Consumer<PendingAnswers.Key> opened) {
        Optional<RegisteredDevice> device = registry.get(deviceId);
        if (device.isEmpty()) {
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.NOT_REGISTERED, deviceId,
                    "device " + deviceId + " is not registered"));
        }
        long number = sn.getAndIncrement();
        PendingAnswers.Key key = new PendingAnswers.Key(deviceId, cmdType, number);
        CompletableFuture<Object> answer = pending.expect(key);
        opened.accept(key);
        requests.sendManscdp(device.get(), build.apply(number))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        pending.fail(key, error);
                    }
                });
        return answer;
    }
}
