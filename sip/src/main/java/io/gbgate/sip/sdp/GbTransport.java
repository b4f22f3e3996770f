package io.gbgate.sip.sdp;

/** How the media of a GB28181 session travels, seen from the side that writes the offer. */
public enum GbTransport {
    /** RTP over UDP ({@code RTP/AVP}). */
    UDP,
    /** RTP over TCP, the offerer listens and the peer connects ({@code a=setup:passive}). */
    TCP_PASSIVE,
    /** RTP over TCP, the offerer connects to the peer ({@code a=setup:active}). */
    TCP_ACTIVE
}
