package io.gbgate.media.webrtc.sdp;

import io.gbgate.media.webrtc.dtls.CertificateFingerprint;

/**
 * The outcome of answering an offer: the answer text and what was agreed.
 *
 * @param sdp               the SDP answer (CRLF line endings)
 * @param video             the video track, or null when none was accepted
 * @param audio             the PCMA audio track, or null when none was accepted
 * @param remoteUfrag       the browser's ICE username fragment
 * @param remoteFingerprint the browser's certificate fingerprint, checked in the DTLS handshake
 */
public record WebRtcAnswer(String sdp, NegotiatedTrack video, NegotiatedTrack audio, String remoteUfrag,
                           CertificateFingerprint remoteFingerprint) {
}
