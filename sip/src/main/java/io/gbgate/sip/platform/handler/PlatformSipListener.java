package io.gbgate.sip.platform.handler;

import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.text.ParseException;
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

/**
 * The platform's jain-sip listener: requests go to one handler per method, responses and timeouts
 * to the callback of their client transaction. Other methods get 405.
 */
public final class PlatformSipListener implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformSipListener.class);

    private volatile SipEndpoint endpoint;
    private volatile RegisterHandler register;
    private volatile MessageHandler message;
    private volatile ByeHandler bye;
    private volatile NotifyHandler notify;

    /** Wires the handlers once the endpoint (which needs this listener first) exists. */
    public void bind(SipEndpoint sipEndpoint, RegisterHandler registerHandler, MessageHandler messageHandler,
                     ByeHandler byeHandler, NotifyHandler notifyHandler) {
        this.notify = notifyHandler;
        this.register = registerHandler;
        this.message = messageHandler;
        this.bye = byeHandler;
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
                case Request.REGISTER -> register.handle(event);
                case Request.MESSAGE -> message.handle(event);
                case Request.BYE -> bye.handle(event);
                case Request.NOTIFY -> notify.handle(event);
                case Request.ACK -> LOG.debug("ACK ignored");
                case Request.OPTIONS -> sip.respond(event, sip.messages().response(event.getRequest(), Response.OK));
                default -> notAllowed(sip, event);
            }
        } catch (RuntimeException e) {
            LOG.error("{} handling failed", method, e);
            sip.respond(event, sip.messages().response(event.getRequest(), Response.SERVER_INTERNAL_ERROR));
        }
    }

    private static void notAllowed(SipEndpoint sip, RequestEvent event) {
        Response response = sip.messages().response(event.getRequest(), Response.METHOD_NOT_ALLOWED);
        try {
            response.addHeader(sip.messages().headers().createAllowHeader("REGISTER, MESSAGE, NOTIFY, BYE, ACK, OPTIONS"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        sip.respond(event, response);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        if (!ClientTransactionCallback.deliver(event)) {
            LOG.debug("stray response {} dropped", event.getResponse().getStatusCode());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransactionCallback.deliver(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("SIP I/O error with {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions carry their own callbacks; nothing to clean up
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls are removed on BYE in either direction
    }
}
