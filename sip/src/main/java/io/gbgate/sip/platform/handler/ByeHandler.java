package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.stack.SipEndpoint;
import javax.sip.RequestEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Response;

/** BYE from a device (it hung up a call the platform had set up). */
public final class ByeHandler {

    private final SipEndpoint endpoint;
    private final InviteClient calls;
    private final PlatformListener listener;

    /** Creates the handler. */
    public ByeHandler(SipEndpoint endpoint, InviteClient calls, PlatformListener listener) {
        this.endpoint = endpoint;
        this.calls = calls;
        this.listener = listener;
    }

    /** Answers 200 for a known call (481 otherwise) and reports it. */
    public void handle(RequestEvent event) {
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        var call = calls.forget(callId);
        if (call.isEmpty()) {
            endpoint.respond(event, endpoint.messages().response(event.getRequest(),
                    Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        endpoint.respond(event, endpoint.messages().response(event.getRequest(), Response.OK));
        ReasonHeader reason = (ReasonHeader) event.getRequest().getHeader(ReasonHeader.NAME);
        listener.byeFromDevice(callId, call.get().deviceId(), reason == null ? "BYE from device" : reason.getText());
    }
}
