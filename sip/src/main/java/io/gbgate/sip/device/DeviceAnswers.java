package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.manscdp.ManscdpResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the device's answer MESSAGEs as the {@link DeviceState}'s answer mode says. */
final class DeviceAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceAnswers.class);

    private final SipDeviceConfig config;
    private final ServerRequests requests;
    private final DeviceState state;

    DeviceAnswers(SipDeviceConfig config, ServerRequests requests, DeviceState state) {
        this.config = config;
        this.requests = requests;
        this.state = state;
    }

    DeviceState state() {
        return state;
    }

    SipDeviceConfig config() {
        return config;
    }

    /** Result OK, or ERROR in {@link DeviceAnswerMode#ERROR}. */
    ManscdpResult result() {
        return state.answerMode() == DeviceAnswerMode.ERROR ? ManscdpResult.ERROR : ManscdpResult.OK;
    }

    /** Whether only the first page of a split answer goes out. */
    boolean incomplete() {
        return state.answerMode() == DeviceAnswerMode.INCOMPLETE;
    }

    /** Sends {@code answer} unless the device is {@link DeviceAnswerMode#SILENT}. */
    void send(ManscdpMessage answer) {
        if (state.answerMode() == DeviceAnswerMode.SILENT) {
            LOG.debug("device {} stays silent on {}", config.deviceId(), answer.cmdType());
            return;
        }
        requests.sendManscdp(answer).exceptionally(e -> {
            LOG.warn("device {} could not deliver {}: {}", config.deviceId(), answer.cmdType(), e.getMessage());
            return null;
        });
    }
}
