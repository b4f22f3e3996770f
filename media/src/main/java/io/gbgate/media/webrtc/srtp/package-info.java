/**
 * SRTP and SRTCP (RFC 3711) with the AES_CM_128_HMAC_SHA1_80 profile that DTLS-SRTP negotiates,
 * built on the JDK's AES and HmacSHA1, protecting packets in place in Netty buffers.
 */
package io.gbgate.media.webrtc.srtp;
