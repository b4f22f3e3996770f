/**
 * WebRTC playback of live streams (WHEP's media side). {@link io.gbgate.media.webrtc.WebRtcServer}
 * owns one UDP port shared by all viewers and the DTLS certificate;
 * {@link io.gbgate.media.webrtc.WebRtcServer#createSession} answers a browser's offer and returns a
 * {@link io.gbgate.media.webrtc.WebRtcSession}, which joins the stream's hub once ICE-lite and
 * DTLS-SRTP complete and sends its access units as SRTP. A WHEP endpoint POSTs the offer to
 * {@code createSession}, returns {@code answerSdp()} with the session id in the resource URL, and
 * DELETE calls {@code close}.
 */
package io.gbgate.media.webrtc;
