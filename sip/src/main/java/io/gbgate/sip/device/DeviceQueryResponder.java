package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.ManscdpException;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.stack.SipEndpoint;
import java.util.List;
import javax.sip.RequestEvent;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESSAGE requests from the platform: answers 200 (400 for bodies that do not decode) and hands the
 * MANSCDP body to the {@link DeviceMessageHandler} of its type, which sends the answer MESSAGE.
 */
final class DeviceQueryResponder {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceQueryResponder.class);

    private final SipDeviceConfig config;
    private final SipEndpoint endpoint;
    private final List<DeviceMessageHandler<?>> handlers;

    DeviceQueryResponder(SipDeviceConfig config, SipEndpoint endpoint, List<DeviceMessageHandler<?>> handlers) {
        this.config = config;
        this.endpoint = endpoint;
        this.handlers = List.copyOf(handlers);
    }

    void handle(RequestEvent event) {
        Request request = event.getRequest();
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        ManscdpMessage message;
        try {
            message = ManscdpCodec.decode(request.getRawContent(), type == null ? null : type.getParameter("charset"));
        } catch (ManscdpException e) {
            endpoint.respond(event, endpoint.messages().refusal(request, Response.BAD_REQUEST, "Bad MANSCDP body",
                    config.localHost()));
            return;
        }
        endpoint.respond(event, endpoint.messages().response(request, Response.OK));
        for (DeviceMessageHandler<?> handler : handlers) {
            if (handler.type().isInstance(message)) {
                invoke(handler, message);
                return;
            }
        }
        LOG.debug("device {} ignores {} {}", config.deviceId(), message.kind(), message.cmdType());
    }

    private <T extends ManscdpMessage> void invoke(DeviceMessageHandler<T> handler, ManscdpMessage message) {
        try {
            handler.handle(handler.type().cast(message));
        } catch (RuntimeException e) {
            LOG.error("device {} failed answering {}", config.deviceId(), message.cmdType(), e);
        }
    }
}
