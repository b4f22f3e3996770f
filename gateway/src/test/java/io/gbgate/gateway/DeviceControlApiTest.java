package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.simulator.SimulatedCamera;
import io.gbgate.sip.device.DeviceAnswerMode;
import io.gbgate.sip.manscdp.DeviceControl;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.PresetItem;
import io.gbgate.sip.ptz.PtzCruise;
import io.gbgate.sip.ptz.PtzFocusIris;
import io.gbgate.sip.ptz.PtzInstruction;
import io.gbgate.sip.ptz.PtzMove;
import io.gbgate.sip.ptz.PtzPreset;
import io.gbgate.sip.ptz.PtzScan;
import io.gbgate.sip.stack.SipTransport;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The control API end to end: each control goes over real SIP (UDP and TCP) to a simulated camera, arrives
 * there decoded, and the device's answer comes back; bad input and failing devices get clear errors.
 */
class DeviceControlApiTest extends GatewayTestBase {

    private record Camera(String deviceId, String channelId, SimulatedCamera sim) {
        List<DeviceControl> controls() {
            return sim.agent().state().controls().received();
        }

        PtzInstruction lastPtz() {
            List<PtzInstruction> all = sim.agent().state().controls().ptzInstructions();
            return all.get(all.size() - 1);
        }

        DeviceControlCommand lastCommand() {
            List<DeviceControlCommand> all = sim.agent().state().controls().commands();
            return all.get(all.size() - 1);
        }
    }

    private Camera camera(SipTransport transport) throws Exception {
        String[] ids = newIds();
        SimulatedCamera sim = camera(deviceConfig(ids[0], ids[1], PASSWORD, transport), testPattern("ctl", 160, 120));
        return new Camera(ids[0], ids[1], sim);
    }

    private JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void ptzMovesArriveDecodedAtTheChannelAndTheDeviceAnswerComesBack() throws Exception {
        Camera cam = camera(SipTransport.UDP);
        String base = "/api/channels/" + cam.channelId();

        JsonNode answer = ok(api().post(base + "/ptz", "{\"command\": \"left\", \"speed\": 100}"));
        assertThat(answer.get("result").asText()).isEqualTo("OK");
        assertThat(answer.get("deviceId").asText()).isEqualTo(cam.deviceId());
        assertThat(answer.get("targetId").asText()).isEqualTo(cam.channelId());
        assertThat(cam.lastPtz()).isEqualTo(PtzMove.left(100));
        assertThat(cam.controls().get(cam.controls().size() - 1).deviceId()).isEqualTo(cam.channelId());

        ok(api().post(base + "/ptz", "{\"command\": \"downRight\", \"speed\": 255}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzMove.downRight(255, 255));
        ok(api().post(base + "/ptz", "{\"command\": \"zoomIn\", \"speed\": 255}"));
        assertThat(cam.lastPtz()).as("zoom speed scaled to 0-15").isEqualTo(PtzMove.zoomIn(15));
        ok(api().post(base + "/ptz", "{\"command\": \"zoomOut\", \"speed\": 17}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzMove.zoomOut(1));
        ok(api().post(base + "/ptz", "{\"command\": \"stop\"}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzMove.stop());

        JsonNode audit = ok(api().get("/api/audit?channelId=" + cam.channelId()));
        assertThat(audit).as("one entry per control, newest first").hasSize(5);
        assertThat(audit.get(0).get("action").asText()).isEqualTo("CONTROL");
        assertThat(audit.get(0).get("principal").asText()).isEqualTo("api-token");
        assertThat(audit.get(0).get("detail").asText()).isEqualTo("PTZCmd " + PtzMove.stop() + " -> OK");
        assertThat(audit.get(4).get("detail").asText()).isEqualTo("PTZCmd " + PtzMove.left(100) + " -> OK");
    }

    @Test
    void presetsAreSetListedCalledAndDeletedOverTcp() throws Exception {
        Camera cam = camera(SipTransport.TCP);
        String base = "/api/channels/" + cam.channelId() + "/presets";

        ok(api().put(base + "/7", "{}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzPreset.set(7));
        ok(api().put(base + "/9", "{}"));
        JsonNode presets = ok(api().get(base));
        assertThat(presets).extracting(p -> p.get("presetId").asInt()).containsExactly(7, 9);
        assertThat(cam.sim().agent().state().presets()).extracting(PresetItem::presetId).containsExactly(7, 9);

        ok(api().post(base + "/7/call"));
        assertThat(cam.lastPtz()).isEqualTo(PtzPreset.call(7));
        assertThat(api().delete(base + "/9").status()).isEqualTo(200);
        assertThat(cam.lastPtz()).isEqualTo(PtzPreset.delete(9));
        assertThat(ok(api().get(base))).extracting(p -> p.get("presetId").asInt()).containsExactly(7);

        ApiClient.Response outOfRange = api().put(base + "/256", "{}");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("preset index must be 1..255");
    }

    @Test
    void lensTourGuardAlarmRecordKeyframeAndHomePositionControls() throws Exception {
        Camera cam = camera(SipTransport.UDP);
        String base = "/api/channels/" + cam.channelId();

        ok(api().post(base + "/focus", "{\"direction\": \"near\", \"speed\": 50}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzFocusIris.focusNear(50));
        ok(api().post(base + "/iris", "{\"direction\": \"close\", \"speed\": 60}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzFocusIris.irisClose(60));
        ok(api().post(base + "/cruise", "{\"action\": \"addPoint\", \"number\": 2, \"value\": 7}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzCruise.addPoint(2, 7));
        ok(api().post(base + "/cruise", "{\"action\": \"dwell\", \"number\": 2, \"value\": 300}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzCruise.dwell(2, 300));
        ok(api().post(base + "/cruise", "{\"action\": \"start\", \"number\": 2}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzCruise.start(2));
        ok(api().post(base + "/scan", "{\"action\": \"speed\", \"number\": 1, \"value\": 1000}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzScan.speed(1, 1000));
        ok(api().post(base + "/scan", "{\"action\": \"start\", \"number\": 1}"));
        assertThat(cam.lastPtz()).isEqualTo(PtzScan.start(1));

        ok(api().post(base + "/guard"));
        assertThat(cam.lastCommand()).isEqualTo(new DeviceControlCommand.Guard(true));
        assertThat(api().delete(base + "/guard").status()).isEqualTo(200);
        assertThat(cam.lastCommand()).isEqualTo(new DeviceControlCommand.Guard(false));
        ok(api().post(base + "/alarm/reset", "{\"alarmMethod\": \"5\", \"alarmType\": \"2\"}"));
        assertThat(cam.lastCommand()).isEqualTo(new DeviceControlCommand.ResetAlarm("5", "2"));
        ok(api().post(base + "/device-record/start"));
        assertThat(cam.sim().agent().state().recording()).isTrue();
        ok(api().post(base + "/device-record/stop"));
        assertThat(cam.sim().agent().state().recording()).isFalse();
        ok(api().post(base + "/keyframe"));
        assertThat(cam.lastCommand()).isEqualTo(new DeviceControlCommand.Keyframe());
        ok(api().put(base + "/home-position", "{\"enabled\": true, \"resetTime\": 30, \"presetIndex\": 7}"));
        assertThat(cam.lastCommand()).isEqualTo(new DeviceControlCommand.HomePosition(true, 30, 7));
    }

    @Test
    void deviceStatusInfoConfigAndReboot() throws Exception {
        Camera cam = camera(SipTransport.TCP);
        String base = "/api/devices/" + cam.deviceId();

        JsonNode status = ok(api().get(base + "/status"));
        assertThat(status.get("deviceId").asText()).isEqualTo(cam.deviceId());
        assertThat(status.get("result").asText()).isEqualTo("OK");
        JsonNode info = ok(api().post(base + "/info/refresh"));
        assertThat(info.get("deviceId").asText()).isEqualTo(cam.deviceId());

        JsonNode before = ok(api().get(base + "/config/basic"));
        JsonNode changed = ok(api().put(base + "/config/basic", "{\"name\": \"Gate east\", \"heartBeatInterval\": 30}"));
        assertThat(changed.get("name").asText()).isEqualTo("Gate east");
        assertThat(changed.get("heartBeatInterval").asInt()).isEqualTo(30);
        assertThat(changed.get("expiration").asInt()).isEqualTo(before.get("expiration").asInt());
        assertThat(cam.sim().agent().state().basicParam().name()).isEqualTo("Gate east");

        ok(api().post(base + "/reboot"));
        assertThat(cam.lastCommand()).isEqualTo(new DeviceControlCommand.TeleBoot());
        assertThat(cam.controls().get(cam.controls().size() - 1).deviceId()).isEqualTo(cam.deviceId());

        JsonNode audit = ok(api().get("/api/audit?channelId=" + cam.deviceId()));
        assertThat(audit).as("the configuration change and the reboot, not the queries").hasSize(2);
        assertThat(audit.get(0).get("detail").asText()).isEqualTo("TeleBoot Boot -> OK");
        assertThat(audit.get(1).get("detail").asText()).startsWith("DeviceConfig BasicParam").contains("Gate east")
                .endsWith("-> OK");
    }

    @Test
    void badInputAndUnknownTargetsAreRejectedBeforeAnythingIsSent() throws Exception {
        Camera cam = camera(SipTransport.UDP);
        String base = "/api/channels/" + cam.channelId();

        ApiClient.Response tooFast = api().post(base + "/ptz", "{\"command\": \"left\", \"speed\": 256}");
        assertThat(tooFast.status()).isEqualTo(400);
        assertThat(tooFast.json().get("message").asText()).contains("0..255").contains("256");
        ApiClient.Response negative = api().post(base + "/focus", "{\"direction\": \"far\", \"speed\": -1}");
        assertThat(negative.status()).isEqualTo(400);
        ApiClient.Response unknownCommand = api().post(base + "/ptz", "{\"command\": \"spin\", \"speed\": 1}");
        assertThat(unknownCommand.status()).isEqualTo(400);
        assertThat(unknownCommand.body()).contains("unknown PTZ command 'spin'");
        assertThat(cam.controls()).as("nothing reached the device").isEmpty();
        assertThat(ok(api().get("/api/audit?channelId=" + cam.channelId()))).as("nor the audit").isEmpty();

        ApiClient.Response unknownChannel = api().post("/api/channels/44010200491310999999/ptz",
                "{\"command\": \"left\", \"speed\": 1}");
        assertThat(unknownChannel.status()).isEqualTo(404);
        assertThat(unknownChannel.body()).contains("unknown channel 44010200491310999999");
        assertThat(api().get("/api/devices/44010200491320999999/status").status()).isEqualTo(404);
    }

    @Test
    void aDeviceAnsweringErrorIs502AndOneThatIsSilentIs504() throws Exception {
        Camera cam = camera(SipTransport.UDP);
        String ptz = "/api/channels/" + cam.channelId() + "/ptz";

        cam.sim().agent().state().answerMode(DeviceAnswerMode.ERROR);
        ApiClient.Response error = api().post(ptz, "{\"command\": \"up\", \"speed\": 10}");
        assertThat(error.status()).as(error.body()).isEqualTo(502);
        assertThat(error.json().get("cause").asText()).isEqualTo("DEVICE_ERROR");
        assertThat(error.json().get("message").asText()).contains("Result ERROR");
        assertThat(cam.lastPtz()).as("the device got it and refused it").isEqualTo(PtzMove.up(10));
        assertThat(api().get("/api/devices/" + cam.deviceId() + "/status").status()).isEqualTo(502);

        cam.sim().agent().state().answerMode(DeviceAnswerMode.SILENT);
        ApiClient.Response silent = api().post(ptz, "{\"command\": \"down\", \"speed\": 10}");
        assertThat(silent.status()).as(silent.body()).isEqualTo(504);
        assertThat(silent.json().get("cause").asText()).isEqualTo("NO_ANSWER");

        JsonNode audit = ok(api().get("/api/audit?channelId=" + cam.channelId()));
        assertThat(audit.get(0).get("detail").asText()).startsWith("PTZCmd " + PtzMove.down(10) + " -> failed: ");
        assertThat(audit.get(1).get("detail").asText()).startsWith("PTZCmd " + PtzMove.up(10) + " -> failed: ")
                .contains("Result ERROR");
    }

    @Test
    void anOfflineDeviceIs409() throws Exception {
        Camera cam = camera(SipTransport.UDP);
        cam.sim().agent().unregister().get(10, java.util.concurrent.TimeUnit.SECONDS);
        Awaiting.until(java.time.Duration.ofSeconds(10), "device offline",
                () -> !api().get("/api/devices/" + cam.deviceId()).json().get("online").asBoolean());
        ApiClient.Response offline = api().post("/api/channels/" + cam.channelId() + "/ptz",
                "{\"command\": \"left\", \"speed\": 1}");
        assertThat(offline.status()).as(offline.body()).isEqualTo(409);
        assertThat(offline.body()).contains("offline");
    }
}
