package io.gbgate.sip.manscdp;

/**
 * Response(DeviceInfo): a device's identity. Fields other than SN and DeviceID are null when the device omits them.
 *
 * @param sn           sequence number of the query being answered
 * @param deviceId     device ID
 * @param deviceName   device name
 * @param manufacturer manufacturer
 * @param model        model
 * @param firmware     firmware version
 * @param channels     number of video channels ({@code Channel})
 * @param result       OK / ERROR
 */
public record DeviceInfoResponse(long sn, String deviceId, String deviceName, String manufacturer, String model,
                                 String firmware, Integer channels, ManscdpResult result) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceInfo";

    public DeviceInfoResponse {
        MessageChecks.header(sn, deviceId);
        if (channels != null && channels < 0) {
            throw new IllegalArgumentException("Channel must not be negative: " + channels);
        }
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
