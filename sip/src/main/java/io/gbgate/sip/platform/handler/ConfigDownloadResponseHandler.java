package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.ConfigDownloadResponse;
import io.gbgate.sip.platform.RegisteredDevice;

/** ConfigDownload (BasicParam) answers completing the waiting query (matched by device, CmdType and SN). */
public final class ConfigDownloadResponseHandler implements ManscdpCommandHandler<ConfigDownloadResponse> {

    private final PendingAnswers pending;

    /** Creates the handler. */
    public ConfigDownloadResponseHandler(PendingAnswers pending) {
        this.pending = pending;
    }

    @Override
    public Class<ConfigDownloadResponse> type() {
        return ConfigDownloadResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, ConfigDownloadResponse message) {
        pending.complete(new PendingAnswers.Key(device.deviceId(), ConfigDownloadResponse.CMD_TYPE, message.sn()), message);
    }
}
