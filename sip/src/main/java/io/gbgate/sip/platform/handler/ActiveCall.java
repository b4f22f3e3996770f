package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.SessionType;
import javax.sip.Dialog;

/**
 * An established call (INVITE answered and ACKed).
 *
 * @param callId    Call-ID
 * @param deviceId  device the call goes to
 * @param channelId channel being streamed
 * @param type      live view, playback or download
 * @param dialog    jain-sip dialog for INFO and BYE
 */
public record ActiveCall(String callId, String deviceId, String channelId, SessionType type, Dialog dialog) {
}
