/**
 * DTLS-SRTP (RFC 5764) server role with BouncyCastle's bctls: the server's self-signed
 * certificate and its SDP fingerprint, the handshake over a queue-fed datagram transport run off
 * the network event loop, and the SRTP keys exported from it.
 */
package io.gbgate.media.webrtc.dtls;
