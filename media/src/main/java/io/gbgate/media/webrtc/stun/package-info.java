/**
 * STUN (RFC 5389) as ICE (RFC 8445) uses it: binding requests and responses with USERNAME,
 * MESSAGE-INTEGRITY (HMAC-SHA1 keyed with the ICE password), FINGERPRINT, PRIORITY,
 * ICE-CONTROLLING/ICE-CONTROLLED, USE-CANDIDATE and XOR-MAPPED-ADDRESS.
 */
package io.gbgate.media.webrtc.stun;
