package io.gbgate.sip.platform;

import io.gbgate.sip.sdp.GbSdp;
import java.time.Duration;

/**
 * A device's 200 OK to an INVITE, after the platform sent the ACK.
 *
 * @param callId            Call-ID of the session (for {@link SipPlatform#bye(String)})
 * @param ssrcFromDevice    SSRC from the answer's y= line; devices may change the offered one, and
 *                          this one is what RTP will carry (the offer's when the answer has no y=)
 * @param deviceMediaIp     address the device sends media from / listens on
 * @param deviceMediaPort   device media port
 * @param sdp               the full SDP answer
 * @param firstProvisional  time from sending the INVITE to the first 1xx, or null if none arrived
 * @param finalResponse     time from sending the INVITE to the 200 OK
 */
public record InviteAnswer(String callId, String ssrcFromDevice, String deviceMediaIp, int deviceMediaPort,
                           GbSdp sdp, Duration firstProvisional, Duration finalResponse) {
}
