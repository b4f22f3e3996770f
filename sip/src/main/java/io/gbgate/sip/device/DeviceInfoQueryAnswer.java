package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.DeviceInfoQuery;
import io.gbgate.sip.manscdp.DeviceInfoResponse;

/** DeviceInfo: name, manufacturer, model, firmware and channel count from the configuration. */
final class DeviceInfoQueryAnswer implements DeviceMessageHandler<DeviceInfoQuery> {

    private final DeviceAnswers answers;

    DeviceInfoQueryAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Class<DeviceInfoQuery> type() {
        return DeviceInfoQuery.class;
    }

    @Override
    public void handle(DeviceInfoQuery query) {
        SipDeviceConfig config = answers.config();
        answers.send(new DeviceInfoResponse(query.sn(), config.deviceId(), answers.state().basicParam().name(),
                config.manufacturer(), config.model(), config.firmware(), config.channels().size(),
                answers.result()));
    }
}
