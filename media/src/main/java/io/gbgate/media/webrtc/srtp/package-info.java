/**
 * SRTP and SRTCP (RFC 3711) with the AES_CM_128_HMAC_SHA1_80 profile that DTLS-SRTP negotiates,
 * built on the JDK's AES and HmacSHA1, protecting packets in place in Netty buffers.
 *
 * <p>Why not jitsi-srtp: its transformers work on byte-array packets, so every packet for every viewer
 * would be copied out of the pooled (direct) buffer it was packetized into and back, and it brings
 * jitsi-utils with the Kotlin runtime. The profile needed here is small (AES counter mode keystream,
 * HMAC-SHA1 tag, RFC 3711 key derivation, a 64-packet replay window); it is checked against the known
 * answers of RFC 3711 appendix B and libsrtp's test packets ({@code SrtpVectorsTest}) and against
 * Chromium's SRTP stack in the browser tests.
 */
package io.gbgate.media.webrtc.srtp;
