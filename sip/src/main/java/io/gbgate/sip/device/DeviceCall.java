package io.gbgate.sip.device;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;

/** One INVITE the device received, from offer to hang-up. Mutable; guarded by its own monitor. */
final class DeviceCall {

    private final String callId;
    private final MediaOffer offer;
    private final ServerTransaction invite;
    private MediaSession session;
    private Dialog dialog;
    private boolean ended;

    DeviceCall(String callId, MediaOffer offer, ServerTransaction invite) {
        this.callId = callId;
        this.offer = offer;
        this.invite = invite;
    }

    String callId() {
        return callId;
    }

    String channelId() {
        return offer.channelId();
    }

    MediaOffer offer() {
        return offer;
    }

    ServerTransaction invite() {
        return invite;
    }

    /** Records the answered session; false when the call already ended (CANCEL raced the answer). */
    synchronized boolean answered(MediaSession answeredSession, Dialog callDialog) {
        if (ended) {
            return false;
        }
        this.session = answeredSession;
        this.dialog = callDialog;
        return true;
    }

    synchronized Dialog dialog() {
        return dialog;
    }

    synchronized MediaSession session() {
        return session;
    }

    /** Ends the call once; stops the session if there is one. Returns false when already ended. */
    boolean end() {
        MediaSession toStop;
        synchronized (this) {
            if (ended) {
                return false;
            }
            ended = true;
            toStop = session;
        }
        if (toStop != null) {
            toStop.stop();
        }
        return true;
    }
}
