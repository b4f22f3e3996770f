package io.gbgate.gateway.stream;

/** Why a play did not become ready, in the categories an operator acts on. */
public enum PlayFailure {
    /** The device never gave a final answer to the INVITE. */
    NO_ANSWER,
    /** The device answered the INVITE with an error, or with an SDP the gateway cannot use. */
    REFUSED,
    /** The INVITE could not be sent (device not registered, network error). */
    NOT_SENT,
    /** The device accepted, but no RTP for this stream arrived. */
    NO_RTP,
    /** RTP arrived, but nothing decodable came out of it. */
    UNDECODABLE,
    /** The stream ended before it became ready (BYE, device offline, stopped). */
    ENDED
}
