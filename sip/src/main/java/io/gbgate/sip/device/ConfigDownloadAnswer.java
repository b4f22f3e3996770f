package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ConfigDownloadQuery;
import io.gbgate.sip.manscdp.ConfigDownloadResponse;
import io.gbgate.sip.manscdp.ManscdpResult;

/** ConfigDownload: the current BasicParam (Result ERROR for other configuration types or in error mode). */
final class ConfigDownloadAnswer implements DeviceMessageHandler<ConfigDownloadQuery> {

    private final DeviceAnswers answers;

    ConfigDownloadAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Class<ConfigDownloadQuery> type() {
        return ConfigDownloadQuery.class;
    }

    @Override
    public void handle(ConfigDownloadQuery query) {
        ManscdpResult result = query.wantsBasicParam() ? answers.result() : ManscdpResult.ERROR;
        answers.send(new ConfigDownloadResponse(query.sn(), query.deviceId(), result,
                result == ManscdpResult.OK ? answers.state().basicParam() : null));
    }
}
