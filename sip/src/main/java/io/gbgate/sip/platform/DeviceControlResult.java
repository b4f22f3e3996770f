package io.gbgate.sip.platform;

/**
 * Answer of a device to a DeviceControl command.
 *
 * @param deviceId device that answered
 * @param sn       SN of the command
 * @param ok       whether the device reported Result OK
 * @param result   the Result text as sent (e.g. {@code OK}, {@code ERROR})
 */
public record DeviceControlResult(String deviceId, long sn, boolean ok, String result) {
}
