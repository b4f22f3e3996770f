package io.gbgate.sip.platform.handler;

import io.gbgate.sip.stack.MethodRoutingListener.RequestHandler;
import io.gbgate.sip.stack.SipEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sip.message.Request;
import javax.sip.message.Response;

/** The SIP methods the platform answers, each with its handler; any other method gets 405. */
public final class PlatformMethods {
    private PlatformMethods() {
    }

    public static Map<String, RequestHandler> routes(SipEndpoint sip, RegisterHandler register, MessageHandler message,
                                                     ByeHandler bye, NotifyHandler notify) {
        Map<String, RequestHandler> routes = new LinkedHashMap<>();
        routes.put(Request.REGISTER, register::handle);
        routes.put(Request.MESSAGE, message::handle);
        routes.put(Request.NOTIFY, notify::handle);
        routes.put(Request.BYE, bye::handle);
        routes.put(Request.ACK, event -> { }); // the platform's INVITEs are client transactions; a stray ACK needs nothing
        routes.put(Request.OPTIONS, event -> sip.respond(event, sip.messages().response(event.getRequest(), Response.OK)));
        return routes;
    }
}
