package io.gbgate.sip.platform.handler;

import io.gbgate.sip.stack.SipEndpoint;
import javax.sip.RequestEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Response;

/**
 * NOTIFY of a subscription: refused with 481 when the subscription is unknown, otherwise handed to
 * the {@link MessageHandler} (which answers 200 and dispatches the MANSCDP body by CmdType). A
 * {@code Subscription-State: terminated} ends the subscription.
 */
public final class NotifyHandler {

    private final SipEndpoint endpoint;
    private final SubscriptionClient subscriptions;
    private final MessageHandler messages;

    /** Creates the handler. */
    public NotifyHandler(SipEndpoint endpoint, SubscriptionClient subscriptions,
                         MessageHandler messages) {
        this.endpoint = endpoint;
        this.subscriptions = subscriptions;
        this.messages = messages;
    }

    /** Processes one NOTIFY. */
    public void handle(RequestEvent event) {
        String callId = ((CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME)).getCallId();
        if (subscriptions.deviceOf(callId).isEmpty()) {
            endpoint.respond(event, endpoint.messages().response(event.getRequest(),
                    Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        messages.handle(event);
        SubscriptionStateHeader state = (SubscriptionStateHeader) event.getRequest()
                .getHeader(SubscriptionStateHeader.NAME);
        if (state != null && SubscriptionStateHeader.TERMINATED.equalsIgnoreCase(state.getState())) {
            subscriptions.terminatedByDevice(callId, state.getReasonCode() == null ? "no reason"
                    : state.getReasonCode());
        }
    }
}
