package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.DeviceControl;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.manscdp.DeviceControlResponse;
import io.gbgate.sip.manscdp.ManscdpResult;
import io.gbgate.sip.ptz.PtzPreset;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DeviceControl: logs the decoded commands, applies what the simulator models (presets set / deleted
 * by PTZ, manual recording, keyframe requests) and answers Result OK (ERROR in error mode, or for a
 * control without any command it knows).
 */
final class DeviceControlAnswer implements DeviceMessageHandler<DeviceControl> {

    private final DeviceAnswers answers;
    private final AtomicInteger keyframeRequests = new AtomicInteger();

    DeviceControlAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    int keyframeRequests() {
        return keyframeRequests.get();
    }

    @Override
    public Class<DeviceControl> type() {
        return DeviceControl.class;
    }

    @Override
    public void handle(DeviceControl control) {
        answers.state().controls().record(control);
        boolean understood = false;
        for (DeviceControlCommand command : control.commands()) {
            understood |= apply(command);
        }
        ManscdpResult result = understood ? answers.result() : ManscdpResult.ERROR;
        answers.send(new DeviceControlResponse(control.sn(), control.deviceId(), result));
    }

    private boolean apply(DeviceControlCommand command) {
        DeviceState state = answers.state();
        if (command instanceof DeviceControlCommand.Ptz ptz
                && ptz.command().instruction() instanceof PtzPreset preset) {
            if (preset.action() == PtzPreset.Action.SET) {
                state.setPreset(preset.presetIndex());
            } else if (preset.action() == PtzPreset.Action.DELETE) {
                state.deletePreset(preset.presetIndex());
            }
        } else if (command instanceof DeviceControlCommand.Keyframe) {
            keyframeRequests.incrementAndGet();
        } else if (command instanceof DeviceControlCommand.Recording recording) {
            state.recording(recording.start());
        }
        // other PTZ instructions, TeleBoot, GuardCmd, AlarmCmd, HomePosition: accepted and logged
        return !(command instanceof DeviceControlCommand.Unmodelled);
    }
}
