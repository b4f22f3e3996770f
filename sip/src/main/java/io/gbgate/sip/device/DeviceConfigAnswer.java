package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.DeviceConfig;
import io.gbgate.sip.manscdp.DeviceConfigResponse;
import io.gbgate.sip.manscdp.ManscdpResult;

/** DeviceConfig: stores the changed BasicParam fields and answers Result OK (nothing stored in error mode). */
final class DeviceConfigAnswer implements DeviceMessageHandler<DeviceConfig> {

    private final DeviceAnswers answers;

    DeviceConfigAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Class<DeviceConfig> type() {
        return DeviceConfig.class;
    }

    @Override
    public void handle(DeviceConfig config) {
        ManscdpResult result = config.basicParam() == null ? ManscdpResult.ERROR : answers.result();
        if (result == ManscdpResult.OK) {
            answers.state().configure(config.basicParam());
        }
        answers.send(new DeviceConfigResponse(config.sn(), config.deviceId(), result));
    }
}
