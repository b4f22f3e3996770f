/**
 * RTCP for a WebRTC sender (RFC 3550, RFC 4585, RFC 5104): reading the receiver's feedback
 * (generic NACK, PLI, FIR) and writing sender reports with an SDES CNAME.
 */
package io.gbgate.media.webrtc.rtcp;
