package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.PresetQuery;
import io.gbgate.sip.manscdp.PresetQueryResponse;

/** PresetQuery: the presets set (and not deleted) by PTZ commands, by number. */
final class PresetQueryAnswer implements DeviceMessageHandler<PresetQuery> {

    private final DeviceAnswers answers;

    PresetQueryAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Class<PresetQuery> type() {
        return PresetQuery.class;
    }

    @Override
    public void handle(PresetQuery query) {
        answers.send(new PresetQueryResponse(query.sn(), query.deviceId(), answers.state().presets()));
    }
}
