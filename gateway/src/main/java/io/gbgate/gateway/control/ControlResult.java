package io.gbgate.gateway.control;

import io.gbgate.sip.platform.DeviceControlResult;

/**
 * A device's answer to a control, as the API returns it.
 *
 * @param deviceId device that answered
 * @param targetId device or channel the control named
 * @param command  what was asked, e.g. {@code PTZCmd left speed 100}
 * @param result   the device's Result text ({@code OK})
 */
public record ControlResult(String deviceId, String targetId, String command, String result) {

    static ControlResult of(DeviceTargets.Target target, String command, DeviceControlResult answer) {
        return new ControlResult(answer.deviceId(), target.targetId(), command, answer.result());
    }
}
