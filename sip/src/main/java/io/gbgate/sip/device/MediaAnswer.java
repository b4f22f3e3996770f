package io.gbgate.sip.device;

/**
 * What the device answers to an INVITE.
 *
 * @param localIp   address the device sends from / listens on
 * @param localPort device media port
 * @param ssrc      SSRC the device will really use (may differ from the offer, as some devices do)
 */
public record MediaAnswer(String localIp, int localPort, String ssrc) {
}
