/**
 * ICE-lite (RFC 8445 section 2.5): the server only answers connectivity checks on its host
 * candidates and takes the pair the browser nominates with USE-CANDIDATE.
 */
package io.gbgate.media.webrtc.ice;
