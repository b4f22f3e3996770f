package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.ManscdpException;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SipPlatformConfig;
import io.gbgate.sip.stack.SipEndpoint;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MESSAGE requests: decodes the MANSCDP body and dispatches it by type to one
 * {@link ManscdpCommandHandler} per CmdType.
 *
 * <p>The sender is the registered device in From, or for in-dialog requests (MediaStatus in a
 * playback call, NOTIFY of a subscription) the device of that dialog.
 *
 * <p>Answers: 403 for senders that are not registered, 413 for oversized bodies, 415 for non-MANSCDP
 * content, 400 (reason phrase and Warning naming the problem) for bodies that do not decode, 200
 * otherwise. Refused messages leave every state untouched.
 */
public final class MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MessageHandler.class);

    private final SipPlatformConfig config;
    private final SipEndpoint endpoint;
    private final DeviceRegistry registry;
    private final List<ManscdpCommandHandler<?>> handlers;
    private final Function<String, Optional<String>> dialogDevices;

    /**
     * Creates the handler with its per-CmdType handlers; {@code dialogDevices} maps the Call-ID of a
     * call or subscription to its device, for in-dialog requests whose From is a channel ID.
     */
    public MessageHandler(SipPlatformConfig config, SipEndpoint endpoint, DeviceRegistry registry,
                          List<ManscdpCommandHandler<?>> handlers, Function<String, Optional<String>> dialogDevices) {
        this.dialogDevices = dialogDevices;
        this.config = config;
        this.endpoint = endpoint;
        this.registry = registry;
        this.handlers = List.copyOf(handlers);
    }

    /** Processes one MESSAGE (or NOTIFY already matched to a subscription). */
    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        String sender = senderId(request);
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<RegisteredDevice> device = registry.get(sender)
                .or(() -> dialogDevices.apply(callId).flatMap(registry::get));
        if (device.isEmpty()) {
            refuse(event, Response.FORBIDDEN, "Device not registered");
            return;
        }
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            refuse(event, Response.BAD_REQUEST, "Empty MANSCDP body");
            return;
        }
        if (body.length > Math.min(config.maxMessageSize(), ManscdpCodec.MAX_BODY_BYTES)) {
            refuse(event, Response.REQUEST_ENTITY_TOO_LARGE, "MANSCDP body too large");
            return;
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        if (type != null && !"MANSCDP+xml".equalsIgnoreCase(type.getContentSubType())) {
            refuse(event, Response.UNSUPPORTED_MEDIA_TYPE, "Expected Application/MANSCDP+xml");
            return;
        }
        ManscdpMessage message;
        try {
            message = ManscdpCodec.decode(body, type == null ? null : type.getParameter("charset"));
        } catch (ManscdpException e) {
            LOG.info("malformed MANSCDP from {}: {}", sender, e.getMessage());
            refuse(event, Response.BAD_REQUEST, "Bad MANSCDP body: " + e.getMessage());
            return;
        }
        endpoint.respond(event, endpoint.messages().response(request, Response.OK));
        dispatch(device.get(), message, callId);
    }

    private void dispatch(RegisteredDevice device, ManscdpMessage message, String callId) {
        for (ManscdpCommandHandler<?> handler : handlers) {
            if (handler.type().isInstance(message)) {
                invoke(handler, device, message, callId);
                return;
            }
        }
        LOG.debug("no handler for {} {} from {}", message.kind(), message.cmdType(), device.deviceId());
    }

    private static <T extends ManscdpMessage> void invoke(ManscdpCommandHandler<T> handler, RegisteredDevice device,
                                                          ManscdpMessage message, String callId) {
        try {
            handler.handle(device, handler.type().cast(message), callId);
        } catch (RuntimeException e) {
            LOG.error("{} handler failed for {}", message.cmdType(), device.deviceId(), e);
        }
    }

    private void refuse(RequestEvent event, int status, String reason) {
        String phrase = reason.length() > 120 ? reason.substring(0, 120) : reason;
        endpoint.respond(event, endpoint.messages().refusal(event.getRequest(), status,
                phrase.replace('"', '\'').replaceAll("[\\r\\n]", " "), config.announcedHost()));
    }

    static String senderId(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        return from.getAddress().getURI() instanceof SipURI uri && uri.getUser() != null ? uri.getUser() : "";
    }
}
