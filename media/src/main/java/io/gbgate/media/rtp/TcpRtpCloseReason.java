package io.gbgate.media.rtp;

/** Why a {@link TcpRtpStream} (the TCP connection carrying it) ended. */
public enum TcpRtpCloseReason {
    /** The device closed the connection: the device ended the stream. */
    PEER_CLOSED,
    /**
     * The connection sent bytes that are not RFC 4571 framed RTP (a frame that is neither RTP nor
     * RTCP), so framing was lost; the gateway closed the connection.
     */
    FRAMING_ERROR,
    /** The connection failed (for example reset by the device). */
    SOCKET_ERROR,
    /** The gateway closed the stream or its server. */
    CLOSED_LOCALLY
}
