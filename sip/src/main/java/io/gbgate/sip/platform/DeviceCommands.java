package io.gbgate.sip.platform;

import io.gbgate.sip.manscdp.BasicParam;
import io.gbgate.sip.manscdp.ConfigDownloadQuery;
import io.gbgate.sip.manscdp.ConfigDownloadResponse;
import io.gbgate.sip.manscdp.DeviceConfig;
import io.gbgate.sip.manscdp.DeviceConfigResponse;
import io.gbgate.sip.manscdp.DeviceControl;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.DeviceControlResponse;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.manscdp.DeviceStatusQuery;
import io.gbgate.sip.manscdp.DeviceStatusResponse;
import io.gbgate.sip.manscdp.ManscdpResult;
import io.gbgate.sip.manscdp.PresetItem;
import io.gbgate.sip.manscdp.PresetQuery;
import io.gbgate.sip.manscdp.PresetQueryResponse;
import io.gbgate.sip.manscdp.RecordInfoQuery;
import io.gbgate.sip.manscdp.RecordInfoResponse;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.platform.handler.PendingAnswers;
import io.gbgate.sip.platform.handler.PlatformQueries;
import io.gbgate.sip.platform.handler.RecordInfoResponseHandler;
import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzInstruction;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Device control and queries of the platform role, obtained from {@link SipPlatform#commands()}.
 *
 * <p>Every method sends one MANSCDP MESSAGE with a fresh SN and completes with the device's answer
 * MESSAGE. Failures are {@link DeviceCommandException}s: NOT_REGISTERED for unknown devices, REFUSED
 * when the device refuses the MESSAGE, NO_ANSWER when no answer arrives within the query timeout,
 * DEVICE_ERROR when the device answers {@code Result ERROR}.
 */
public final class DeviceCommands {

    private final PlatformQueries queries;
    private final RecordInfoResponseHandler records;

    DeviceCommands(PlatformQueries queries, RecordInfoResponseHandler records) {
        this.queries = queries;
        this.records = records;
    }

    /**
     * Sends a DeviceControl command to {@code targetId} (the device or one of its channels).
     *
     * @return the device's Result OK; Result ERROR fails with DEVICE_ERROR
     */
    public CompletableFuture<DeviceControlResult> control(String deviceId, String targetId,
                                                          DeviceControlCommand command) {
        return queries.ask(deviceId, DeviceControlResponse.CMD_TYPE, sn -> DeviceControl.of(sn, targetId, command))
                .thenApply(DeviceControlResult.class::cast)
                .thenApply(result -> {
                    if (!result.ok()) {
                        throw deviceError(deviceId, "DeviceControl " + command.elementName());
                    }
                    return result;
                });
    }

    /** Sends a PTZ instruction (8-byte PTZCmd, address 1) to {@code channelId}. */
    public CompletableFuture<DeviceControlResult> ptz(String deviceId, String channelId, PtzInstruction instruction) {
        return control(deviceId, channelId, new DeviceControlCommand.Ptz(PtzCmd.of(instruction)));
    }

    /** Queries the device (or channel) status. */
    public CompletableFuture<DeviceStatusResponse> queryStatus(String deviceId, String targetId) {
        return queries.ask(deviceId, DeviceStatusResponse.CMD_TYPE, sn -> new DeviceStatusQuery(sn, targetId))
                .thenApply(DeviceStatusResponse.class::cast)
                .thenApply(status -> requireOk(status, status.result(), deviceId, "DeviceStatus"));
    }

    /** Queries the device information. */
    public CompletableFuture<DeviceInfoResponse> queryInfo(String deviceId) {
        return queries.queryDeviceInfo(deviceId);
    }

    /** Downloads the device's basic parameters (ConfigDownload ConfigType BasicParam). */
    public CompletableFuture<BasicParam> queryBasicParam(String deviceId) {
        return queries.ask(deviceId, ConfigDownloadResponse.CMD_TYPE, sn -> ConfigDownloadQuery.basicParam(sn, deviceId))
                .thenApply(ConfigDownloadResponse.class::cast)
                .thenApply(answer -> {
                    if (answer.result() == ManscdpResult.ERROR || answer.basicParam() == null) {
                        throw deviceError(deviceId, "ConfigDownload BasicParam");
                    }
                    return answer.basicParam();
                });
    }

    /** Changes the non-null fields of {@code changes} on the device (DeviceConfig BasicParam). */
    public CompletableFuture<Void> configure(String deviceId, BasicParam changes) {
        return queries.ask(deviceId, DeviceConfigResponse.CMD_TYPE, sn -> new DeviceConfig(sn, deviceId, changes))
                .thenApply(DeviceConfigResponse.class::cast)
                .thenApply(answer -> {
                    requireOk(answer, answer.result(), deviceId, "DeviceConfig");
                    return null;
                });
    }

    /** The presets of {@code channelId}. */
    public CompletableFuture<List<PresetItem>> queryPresets(String deviceId, String channelId) {
        return queries.ask(deviceId, PresetQueryResponse.CMD_TYPE, sn -> new PresetQuery(sn, channelId))
                .thenApply(answer -> ((PresetQueryResponse) answer).presets());
    }

    /**
     * The recordings of {@code channelId} between {@code start} and {@code end} (device local time),
     * aggregated over all answer MESSAGEs and ordered by time. When the query times out after some
     * pages arrived, completes with those, flagged {@link RecordList#partial()}; with none, fails NO_ANSWER.
     */
    public CompletableFuture<RecordList> queryRecords(String deviceId, String channelId, LocalDateTime start,
                                                      LocalDateTime end) {
        AtomicReference<PendingAnswers.Key> query = new AtomicReference<>();
        return queries.ask(deviceId, RecordInfoResponse.CMD_TYPE, sn -> RecordInfoQuery.all(sn, channelId, start, end),
                        key -> {
                            query.set(key);
                            records.open(key, channelId);
                        })
                .thenApply(RecordList.class::cast)
                .exceptionallyCompose(error -> {
                    PendingAnswers.Key key = query.get();
                    RecordList partial = key == null ? null : records.takePartial(key);
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    boolean timedOut = cause instanceof DeviceCommandException e && e.failure() == Failure.NO_ANSWER;
                    return timedOut && partial != null && !partial.items().isEmpty()
                            ? CompletableFuture.completedFuture(partial)
                            : CompletableFuture.failedFuture(cause);
                });
    }

    private static <T> T requireOk(T answer, ManscdpResult result, String deviceId, String what) {
        if (result == ManscdpResult.ERROR) {
            throw deviceError(deviceId, what);
        }
        return answer;
    }

    private static DeviceCommandException deviceError(String deviceId, String what) {
        return new DeviceCommandException(Failure.DEVICE_ERROR, deviceId, deviceId + " answered Result ERROR to "
                + what);
    }
}
