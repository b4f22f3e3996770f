package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.ManscdpException;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE server side of the device: accepts Catalog / Alarm / MobilePosition subscriptions (topic
 * from the body's CmdType), answers 200 with the granted Expires, takes refreshes and Expires 0 in
 * the dialog (481 for a dialog it no longer knows), and sends NOTIFYs with {@code Subscription-State: active} to the live subscribers of a
 * topic. Expired subscriptions are dropped when the next NOTIFY would go out. No NOTIFY is sent on
 * subscribing or unsubscribing (GB/T 28181 devices notify on events only).
 */
final class DeviceSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceSubscriptions.class);
    private static final int DEFAULT_EXPIRES = 3600;

    private final SipDeviceConfig config;
    private final SipEndpoint endpoint;
    private final ServerRequests requests;
    private final Clock clock;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();

    DeviceSubscriptions(SipDeviceConfig config, SipEndpoint endpoint, ServerRequests requests, Clock clock) {
        this.config = config;
        this.endpoint = endpoint;
        this.requests = requests;
        this.clock = clock;
    }

    void handleSubscribe(RequestEvent event) {
        ServerTransaction st = endpoint.serverTransaction(event).orElse(null);
        if (st == null) {
            return;
        }
        Request request = event.getRequest();
        String id = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        EventHeader eventHeader = (EventHeader) request.getHeader(EventHeader.NAME);
        if (eventHeader == null) {
            endpoint.respond(st, endpoint.messages().response(request, Response.BAD_EVENT));
            return;
        }
        Optional<SubscriptionTopic> topic = topicOf(request, subscribers.get(id));
        if (topic.isEmpty()) {
            endpoint.respond(st, endpoint.messages().refusal(request, Response.BAD_EVENT,
                    "Unsupported subscription", config.localHost()));
            return;
        }
        boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
        if (inDialog && !subscribers.containsKey(id)) {
            endpoint.respond(st, endpoint.messages().response(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        ExpiresHeader expiresHeader = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        int expires = expiresHeader == null ? DEFAULT_EXPIRES : expiresHeader.getExpires();
        Response ok = DeviceCallHandler.tagged(endpoint.messages().response(request, Response.OK));
        try {
            ok.addHeader(endpoint.messages().headers().createExpiresHeader(expires));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        ok.addHeader(endpoint.messages().headers().createContactHeader(requests.contact()));
        if (expires == 0) {
            subscribers.remove(id);
            endpoint.respond(st, ok);
            LOG.info("device {}: {} subscription {} ended by the platform", config.deviceId(), topic.get(), id);
            return;
        }
        Dialog dialog = st.getDialog() != null ? st.getDialog() : event.getDialog();
        Instant expiresAt = clock.instant().plusSeconds(expires);
        subscribers.compute(id, (key, old) -> old == null
                ? new Subscriber(dialog, new DeviceSubscription(id, topic.get(), eventHeader.getEventType(), expires,
                        expiresAt, 0))
                : old.refreshed(expires, expiresAt));
        endpoint.respond(st, ok);
    }

    private static Optional<SubscriptionTopic> topicOf(Request request, Subscriber existing) {
        byte[] body = request.getRawContent();
        if (body == null || body.length == 0) {
            return existing == null ? Optional.empty() : Optional.of(existing.state.topic());
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        try {
            ManscdpMessage query = ManscdpCodec.decode(body, type == null ? null : type.getParameter("charset"));
            return SubscriptionTopic.ofCmdType(query.cmdType());
        } catch (ManscdpException e) {
            return Optional.empty();
        }
    }

    /**
     * Sends {@code body} as NOTIFY to every live subscriber of {@code topic}; completes with the number
     * of subscribers that answered 2xx.
     */
    CompletableFuture<Integer> notifySubscribers(SubscriptionTopic topic, ManscdpMessage body) {
        Instant now = clock.instant();
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (Subscriber subscriber : subscribers.values()) {
            DeviceSubscription state = subscriber.state;
            if (state.topic() != topic) {
                continue;
            }
            if (!state.expiresAt().isAfter(now)) {
                subscribers.remove(state.id(), subscriber);
                LOG.info("device {}: {} subscription {} expired", config.deviceId(), topic, state.id());
                continue;
            }
            sent.add(send(subscriber, body, Duration.between(now, state.expiresAt())));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(x -> (int) sent.stream().filter(CompletableFuture::join).count());
    }

    private CompletableFuture<Boolean> send(Subscriber subscriber, ManscdpMessage body, Duration remaining) {
        CompletableFuture<Boolean> accepted = new CompletableFuture<>();
        try {
            Request notify = subscriber.dialog.createRequest(Request.NOTIFY);
            notify.setHeader(endpoint.messages().headers().createEventHeader(subscriber.state.event()));
            SubscriptionStateHeader state = endpoint.messages().headers()
                    .createSubscriptionStateHeader(SubscriptionStateHeader.ACTIVE);
            state.setExpires((int) Math.max(1, remaining.toSeconds()));
            notify.setHeader(state);
            notify.setContent(ManscdpCodec.encode(body), endpoint.messages().contentType(
                    ManscdpCodec.CONTENT_TYPE_TYPE, ManscdpCodec.CONTENT_SUBTYPE));
            ClientTransaction ct = endpoint.provider().getNewClientTransaction(notify);
            ct.setApplicationData(new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int status = event.getResponse().getStatusCode();
                    if (status >= 200) {
                        accepted.complete(status < 300);
                    }
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    accepted.complete(false);
                }
            });
            subscriber.dialog.sendRequest(ct);
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("device {} cannot NOTIFY {}: {}", config.deviceId(), subscriber.state.id(), e.toString());
            accepted.complete(false);
        }
        return accepted;
    }

    /** Snapshot of the current subscriptions. */
    List<DeviceSubscription> active() {
        return subscribers.values().stream().map(s -> s.state).toList();
    }

    /** Forgets every subscription (agent shutdown). */
    void clear() {
        subscribers.clear();
    }

    /** A subscriber's dialog and current state. */
    private static final class Subscriber {
        private final Dialog dialog;
        private final DeviceSubscription state;

        Subscriber(Dialog dialog, DeviceSubscription state) {
            this.dialog = dialog;
            this.state = state;
        }

        Subscriber refreshed(int expires, Instant expiresAt) {
            return new Subscriber(dialog, new DeviceSubscription(state.id(), state.topic(), state.event(), expires,
                    expiresAt, state.refreshes() + 1));
        }
    }
}
