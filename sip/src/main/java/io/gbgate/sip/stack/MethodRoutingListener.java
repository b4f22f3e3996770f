package io.gbgate.sip.stack;

import java.text.ParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jain-sip listener of one SIP endpoint, in either role: a request goes to the handler of its method;
 * a method without one gets 405 with an Allow header naming the routed methods (RFC 3261 8.2.1), and a
 * handler that throws gets 500. Responses and timeouts go to the callback of their client transaction.
 * Requests that arrive before {@link #bind} (the endpoint must exist before its handlers) are dropped;
 * the peer retransmits.
 */
public final class MethodRoutingListener implements SipListener {

    /** Handles the requests of one SIP method. */
    @FunctionalInterface
    public interface RequestHandler {
        void handle(RequestEvent event);
    }

    private static final Logger LOG = LoggerFactory.getLogger(MethodRoutingListener.class);

    private final String role;
    private volatile SipEndpoint endpoint;
    private volatile Map<String, RequestHandler> routes = Map.of();

    /** {@code role} names the endpoint in logs ("platform", "device 3402..."). */
    public MethodRoutingListener(String role) {
        this.role = role;
    }

    /** Routes requests from now on; {@code routes} maps a method to its handler, in the order Allow lists them. */
    public void bind(SipEndpoint sipEndpoint, Map<String, RequestHandler> methodRoutes) {
        Map<String, RequestHandler> copy = new LinkedHashMap<>(methodRoutes);
        this.routes = copy;
        this.endpoint = sipEndpoint;
    }

    @Override
    public void processRequest(RequestEvent event) {
        SipEndpoint sip = endpoint;
        if (sip == null) {
            return;
        }
        String method = event.getRequest().getMethod();
        RequestHandler handler = routes.get(method);
        if (handler == null) {
            sip.respond(event, methodNotAllowed(sip, event));
            return;
        }
        try {
            handler.handle(event);
        } catch (RuntimeException e) {
            LOG.error("{}: handling {} failed", role, method, e);
            sip.respond(event, sip.messages().response(event.getRequest(), Response.SERVER_INTERNAL_ERROR));
        }
    }

    private Response methodNotAllowed(SipEndpoint sip, RequestEvent event) {
        Response response = sip.messages().response(event.getRequest(), Response.METHOD_NOT_ALLOWED);
        for (String method : routes.keySet()) {
            try {
                response.addHeader(sip.messages().headers().createAllowHeader(method));
            } catch (ParseException e) {
                throw new IllegalStateException("Allow header of " + method, e);
            }
        }
        return response;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        if (!ClientTransactionCallback.deliver(event)) {
            LOG.debug("{}: stray response {} dropped", role, event.getResponse().getStatusCode());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        ClientTransactionCallback.deliver(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("{}: SIP I/O error with {}:{}/{}", role, event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // client transactions carry their own callbacks; nothing to clean up
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // calls end on BYE or CANCEL, handled as requests
    }
}
