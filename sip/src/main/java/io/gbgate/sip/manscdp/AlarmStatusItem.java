package io.gbgate.sip.manscdp;

/**
 * One {@code Alarmstatus/Item} of a DeviceStatus response: the guard state of an alarm input.
 *
 * @param deviceId   alarm input ID
 * @param dutyStatus {@code ONDUTY}, {@code OFFDUTY} or {@code ALARM} as reported, or null
 */
public record AlarmStatusItem(String deviceId, String dutyStatus) {

    public AlarmStatusItem {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("alarm status item DeviceID must not be blank");
        }
    }
}
