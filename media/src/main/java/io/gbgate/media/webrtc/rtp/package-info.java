/**
 * RTP packetization for WebRTC viewers: H.264 per RFC 6184 (single NAL unit packets, STAP-A for
 * the parameter sets, FU-A fragments, packetization-mode=1) and G.711 A-law (PCMA, RFC 3551).
 * Each packet is a fresh pooled buffer the receiver owns, since SRTP encrypts it in place.
 */
package io.gbgate.media.webrtc.rtp;
