/**
 * SDP for WHEP playback (RFC 8866, RFC 8829 as browsers apply it): parsing the browser's
 * recvonly offer and building the ICE-lite, DTLS-passive, bundled and rtcp-muxed answer that
 * sends H.264 (packetization-mode 1) and, when offered, PCMA.
 */
package io.gbgate.media.webrtc.sdp;
