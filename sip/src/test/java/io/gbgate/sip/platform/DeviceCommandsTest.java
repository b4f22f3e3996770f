package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.DeviceAnswerMode;
import io.gbgate.sip.manscdp.BasicParam;
import io.gbgate.sip.manscdp.DeviceControl;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.DeviceStatusResponse;
import io.gbgate.sip.manscdp.PresetItem;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzFocusIris;
import io.gbgate.sip.ptz.PtzInstruction;
import io.gbgate.sip.ptz.PtzMove;
import io.gbgate.sip.ptz.PtzPreset;
import io.gbgate.sip.ptz.PtzScan;
import io.gbgate.sip.stack.SipTransport;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** DeviceControl, DeviceStatus, ConfigDownload / DeviceConfig and PresetQuery between platform and device agent. */
class DeviceCommandsTest {

    private static final String CHANNEL = "34020000001310000001";

    private Loopback loop;

    @AfterEach
    void close() throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(15, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void everyControlCommandArrivesDecodedAtTheDeviceAndItsResultReturns(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        List<PtzInstruction> ptz = List.of(PtzMove.left(0x40), PtzMove.upRight(0x10, 0x20), PtzMove.zoomIn(5),
                PtzMove.stop(), PtzFocusIris.focusNear(0x30), PtzFocusIris.irisOpen(0x30), PtzScan.start(1));
        for (PtzInstruction instruction : ptz) {
            DeviceControlResult result = await(loop.commands().ptz(DEVICE_ID, CHANNEL, instruction));
            assertThat(result.ok()).isTrue();
            assertThat(result.result()).isEqualTo("OK");
        }
        List<DeviceControlCommand> others = List.of(new DeviceControlCommand.TeleBoot(),
                new DeviceControlCommand.Recording(true), new DeviceControlCommand.Guard(true),
                new DeviceControlCommand.ResetAlarm("5", "2"), new DeviceControlCommand.Keyframe(),
                new DeviceControlCommand.HomePosition(true, 30, 2));
        for (DeviceControlCommand command : others) {
            assertThat(await(loop.commands().control(DEVICE_ID, CHANNEL, command)).ok()).isTrue();
        }

        assertThat(loop.device.state().controls().ptzInstructions()).containsExactlyElementsOf(ptz);
        assertThat(loop.device.state().controls().commands()).endsWith(others.toArray(DeviceControlCommand[]::new));
        assertThat(loop.device.state().controls().received()).extracting(DeviceControl::deviceId).containsOnly(CHANNEL);
        assertThat(loop.device.state().controls().commands().get(0))
                .isEqualTo(new DeviceControlCommand.Ptz(PtzCmd.of(PtzMove.left(0x40))));
        assertThat(loop.device.keyframeRequests()).isEqualTo(1);
        DeviceStatusResponse status = await(loop.commands().queryStatus(DEVICE_ID, DEVICE_ID));
        assertThat(status.isOnline()).isTrue();
        assertThat(status.record()).as("RecordCmd Record started recording").isEqualTo("ON");
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void presetsSetAndDeletedByPtzAreReportedByPresetQuery(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        assertThat(await(loop.commands().queryPresets(DEVICE_ID, CHANNEL))).isEmpty();

        await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzPreset.set(7)));
        await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzPreset.set(2)));
        await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzPreset.set(9)));
        await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzPreset.call(9)));
        await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzPreset.delete(9)));

        assertThat(await(loop.commands().queryPresets(DEVICE_ID, CHANNEL))).extracting(PresetItem::presetId)
                .containsExactly(2, 7);
    }

    @Test
    void basicParamIsDownloadedAndChangedByDeviceConfig() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);
        BasicParam before = await(loop.commands().queryBasicParam(DEVICE_ID));
        assertThat(before.name()).isEqualTo("gbgate simulated camera");
        assertThat(before.expiration()).isEqualTo(3600);

        await(loop.commands().configure(DEVICE_ID, new BasicParam("Gate 3", null, 30, null)));

        BasicParam after = await(loop.commands().queryBasicParam(DEVICE_ID));
        assertThat(after).isEqualTo(new BasicParam("Gate 3", 3600, 30, before.heartBeatCount()));
        assertThat(loop.device.state().basicParam()).isEqualTo(after);
        assertThat(await(loop.commands().queryInfo(DEVICE_ID)).deviceName()).isEqualTo("Gate 3");
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void deviceAnsweringErrorSurfacesAsDeviceError(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        loop.device.state().answerMode(DeviceAnswerMode.ERROR);

        assertFails(() -> await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzMove.down(1))), Failure.DEVICE_ERROR);
        assertFails(() -> await(loop.commands().queryStatus(DEVICE_ID, DEVICE_ID)), Failure.DEVICE_ERROR);
        assertFails(() -> await(loop.commands().queryBasicParam(DEVICE_ID)), Failure.DEVICE_ERROR);
        assertFails(() -> await(loop.commands().configure(DEVICE_ID, new BasicParam("x", null, null, null))),
                Failure.DEVICE_ERROR);
        assertThat(loop.device.state().basicParam().name()).isEqualTo("gbgate simulated camera");
        assertThat(loop.device.state().controls().ptzInstructions()).containsExactly(PtzMove.down(1));
    }

    @Test
    void unknownCommandIsAnsweredWithErrorByTheDevice() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);

        assertFails(() -> await(loop.commands().control(DEVICE_ID, CHANNEL,
                new DeviceControlCommand.Unmodelled("DragZoomIn", "1"))), Failure.DEVICE_ERROR);
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void deviceThatNeverAnswersTimesOutWithNoAnswer(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        loop.device.state().answerMode(DeviceAnswerMode.SILENT);

        assertFails(() -> await(loop.commands().ptz(DEVICE_ID, CHANNEL, PtzMove.stop())), Failure.NO_ANSWER);
        assertFails(() -> await(loop.commands().queryPresets(DEVICE_ID, CHANNEL)), Failure.NO_ANSWER);
        assertThat(loop.device.state().controls().received()).as("the command itself arrived").hasSize(1);
    }

    @Test
    void unknownDeviceFailsAtOnceWithNotRegistered() throws Exception {
        loop = Loopback.platformOnly();

        assertFails(() -> await(loop.commands().ptz("34020000001329999999", CHANNEL, PtzMove.stop())),
                Failure.NOT_REGISTERED);
        assertFails(() -> await(loop.commands().queryStatus("34020000001329999999", CHANNEL)),
                Failure.NOT_REGISTERED);
    }

    static void assertFails(ThrowingCallable call, Failure failure) {
        assertThatThrownBy(call).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DeviceCommandException.class,
                        e -> assertThat(e.failure()).isEqualTo(failure));
    }
}
