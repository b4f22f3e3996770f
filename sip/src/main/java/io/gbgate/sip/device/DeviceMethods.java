package io.gbgate.sip.device;

import io.gbgate.sip.stack.MethodRoutingListener.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sip.message.Request;

/** The SIP methods a device (or lower platform) answers, each with its handler; any other method gets 405. */
final class DeviceMethods {
    private DeviceMethods() {
    }

    static Map<String, RequestHandler> routes(DeviceQueryResponder queries, DeviceCallHandler calls,
                                              DeviceSubscriptions subscriptions) {
        Map<String, RequestHandler> routes = new LinkedHashMap<>();
        routes.put(Request.MESSAGE, queries::handle);
        routes.put(Request.INVITE, calls::handleInvite);
        routes.put(Request.ACK, calls::handleAck);
        routes.put(Request.BYE, calls::handleBye);
        routes.put(Request.CANCEL, calls::handleCancel);
        routes.put(Request.INFO, calls::handleInfo);
        routes.put(Request.SUBSCRIBE, subscriptions::handleSubscribe);
        return routes;
    }
}
