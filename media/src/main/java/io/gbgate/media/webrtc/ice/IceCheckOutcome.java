package io.gbgate.media.webrtc.ice;

import io.netty.buffer.ByteBuf;

/**
 * What the ICE-lite responder made of one STUN message.
 *
 * @param response   the STUN response to send back to the sender (the caller owns and sends or
 *                   releases it), or null when nothing is to be sent
 * @param accepted   the check was valid and answered with a success response
 * @param nominated  the check carried USE-CANDIDATE: its source address is now the selected pair
 * @param rejection  why the message was rejected or dropped, null when accepted
 */
public record IceCheckOutcome(ByteBuf response, boolean accepted, boolean nominated, String rejection) {

    static IceCheckOutcome success(ByteBuf response, boolean nominated) {
        return new IceCheckOutcome(response, true, nominated, null);
    }

    static IceCheckOutcome rejected(ByteBuf errorResponse, String why) {
        return new IceCheckOutcome(errorResponse, false, false, why);
    }

    static IceCheckOutcome dropped(String why) {
        return new IceCheckOutcome(null, false, false, why);
    }
}
