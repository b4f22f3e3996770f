package io.gbgate.sip.device;

import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The device's jain-sip listener: dispatches requests by method, responses to their callbacks. */
final class DeviceSipListener implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSipListener.class);

    private volatile SipEndpoint endpoint;
    private volatile DeviceQueryResponder queries;
    private volatile DeviceCallHandler callHandler;
    private volatile DeviceSubscriptions subscriptions;

    void bind(SipEndpoint sipEndpoint, DeviceQueryResponder queryResponder, DeviceCallHandler calls,
              DeviceSubscriptions subscriptionHandler) {
        this.subscriptions = subscriptionHandler;
        this.queries = queryResponder;
        this.callHandler = calls;
        this.endpoint = sipEndpoint;
    }

    @Override
    public void processRequest(RequestEvent event) {
        SipEndpoint sip = endpoint;
        if (sip == null) {
            return;
        }
        String method = event.getRequest().getMethod();
        try {
            switch (method) {
                case Request.MESSAGE -> queries.handle(event);
                case Request.INVITE -> callHandler.handleInvite(event);
                case Request.ACK -> callHandler.handleAck(event);
                case Request.BYE -> callHandler.handleBye(event);
                case Request.CANCEL -> callHandler.handleCancel(event);
                case Request.INFO -> callHandler.handleInfo(event);
                case Request.SUBSCRIBE -> subscriptions.handleSubscribe(event);
                default -> sip.respond(event, sip.messages().response(event.getRequest(),
                        Response.METHOD_NOT_ALLOWED));
            }
        } catch (RuntimeException e) {
            LOG.error("device failed handling {}", method, e);
            sip.respond(event, sip.messages().response(event.getRequest(), Response.SERVER_INTERNAL_ERROR));
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransactionCallback.deliver(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransactionCallback.deliver(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("device SIP I/O error with {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // callbacks live on the transactions
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls are removed on BYE/CANCEL
    }
}
