package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.InviteAnswer;
import io.gbgate.sip.platform.InviteException;
import io.gbgate.sip.platform.InviteException.Stage;
import io.gbgate.sip.platform.InviteRequest;
import io.gbgate.sip.sdp.GbSdp;
import io.gbgate.sip.sdp.GbSdpCodec;
import io.gbgate.sip.sdp.SdpException;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State of one INVITE client transaction until it became a call or failed. */
final class OutgoingInvite implements ClientTransactionCallback {

    private static final Logger LOG = LoggerFactory.getLogger(OutgoingInvite.class);

    private final SipEndpoint endpoint;
    private final InviteRequest invite;
    private final String callId;
    private final InviteClient calls;
    private final long sentAt = System.nanoTime();
    private final CompletableFuture<InviteAnswer> answer = new CompletableFuture<>();
    private volatile ClientTransaction transaction;
    private volatile Duration firstProvisional;

    OutgoingInvite(SipEndpoint endpoint, InviteRequest invite, String callId, InviteClient calls) {
        this.endpoint = endpoint;
        this.invite = invite;
        this.callId = callId;
        this.calls = calls;
    }

    CompletableFuture<InviteAnswer> answer() {
        return answer;
    }

    void sent(ClientTransaction clientTransaction) {
        this.transaction = clientTransaction;
    }

    @Override
    public void onResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            if (firstProvisional == null) {
                firstProvisional = Duration.ofNanos(System.nanoTime() - sentAt);
            }
        } else if (status < 300) {
            established(event, Duration.ofNanos(System.nanoTime() - sentAt));
        } else {
            answer.completeExceptionally(new InviteException(Stage.ERROR_RESPONSE, status,
                    invite.channelId() + " answered " + status + " " + response.getReasonPhrase(), null));
        }
    }

    private void established(ResponseEvent event, Duration elapsed) {
        Dialog dialog = event.getDialog() != null ? event.getDialog() : event.getClientTransaction().getDialog();
        if (!ack(event.getResponse(), dialog)) {
            answer.completeExceptionally(new InviteException(Stage.ERROR_RESPONSE, 200, "cannot ACK the 200 OK",
                    null));
            return;
        }
        ActiveCall call = new ActiveCall(callId, invite.deviceId(), invite.channelId(), invite.type(), dialog);
        if (answer.isDone()) {
            LOG.info("late 200 OK for call {} after giving up: hanging up", callId);
            calls.hangUp(call);
            return;
        }
        GbSdp sdp;
        try {
            byte[] body = event.getResponse().getRawContent();
            sdp = GbSdpCodec.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (SdpException e) {
            calls.hangUp(call);
            answer.completeExceptionally(new InviteException(Stage.BAD_SDP, 200, e.getMessage(), e));
            return;
        }
        calls.established(call);
        String ssrc = sdp.ssrc() != null ? sdp.ssrc() : invite.ssrc();
        if (!answer.complete(new InviteAnswer(callId, ssrc, sdp.connectionAddress(), sdp.mediaPort(), sdp,
                firstProvisional, elapsed))) {
            calls.forget(callId).ifPresent(calls::hangUp);
        }
    }

    private boolean ack(Response response, Dialog dialog) {
        try {
            long cseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
            Request ack = dialog.createAck(cseq);
            dialog.sendAck(ack);
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("cannot ACK call {}: {}", callId, e.toString());
            return false;
        }
    }

    @Override
    public void onTimeout(TimeoutEvent event) {
        answer.completeExceptionally(new InviteException(Stage.NO_ANSWER, "INVITE transaction timed out"));
    }

    /** The INVITE timeout elapsed: CANCEL after a provisional response, else drop the transaction. */
    void giveUp(Duration timeout) {
        if (!answer.completeExceptionally(new InviteException(Stage.NO_ANSWER,
                "no final response within " + timeout.toMillis() + " ms"))) {
            return;
        }
        ClientTransaction ct = transaction;
        if (ct == null) {
            return;
        }
        try {
            if (firstProvisional != null) {
                Request cancel = ct.createCancel();
                endpoint.provider().getNewClientTransaction(cancel).sendRequest();
            } else {
                ct.terminate();
            }
        } catch (SipException | RuntimeException e) {
            LOG.debug("cannot cancel unanswered INVITE {}: {}", callId, e.toString());
        }
    }
}
