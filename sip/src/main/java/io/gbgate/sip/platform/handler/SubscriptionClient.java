package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.platform.DeviceCommandException;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.Subscription;
import io.gbgate.sip.platform.SubscriptionKind;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE client of the platform: subscribes with an {@code Event} header, an {@code Expires} and a
 * MANSCDP query body, refreshes in the dialog at 80 % of the granted lifetime, forgets subscriptions
 * the device terminates, and unsubscribes (Expires 0) on request or at shutdown.
 */
public final class SubscriptionClient {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionClient.class);

    private final SipEndpoint endpoint;
    private final DeviceRequests requests;
    private final DeviceRegistry registry;
    private final DialogRequests dialogs;
    private final ScheduledExecutorService scheduler;
    private final PlatformListener listener;
    private final Duration timeout;
    private final Clock clock;
    private final AtomicLong sn = new AtomicLong(1);
    private final Map<String, ActiveSubscription> subscriptions = new ConcurrentHashMap<>();
    /** Device by Call-ID of SUBSCRIBEs still waiting for their answer: a NOTIFY may overtake the 200. */
    private final Map<String, String> settingUp = new ConcurrentHashMap<>();

    /** Creates the client; {@code timeout} bounds the wait for a SUBSCRIBE's final response. */
    public SubscriptionClient(SipEndpoint endpoint, DeviceRequests requests, DeviceRegistry registry,
                              DialogRequests dialogs, ScheduledExecutorService scheduler, PlatformListener listener,
                              Duration timeout, Clock clock) {
        this.endpoint = endpoint;
        this.requests = requests;
        this.registry = registry;
        this.dialogs = dialogs;
        this.scheduler = scheduler;
        this.listener = listener;
        this.timeout = timeout;
        this.clock = clock;
    }

    /**
     * Subscribes at {@code deviceId}; {@code body} makes the MANSCDP query for a fresh SN (each refresh
     * sends a new one).
     */
    public CompletableFuture<Subscription> subscribe(String deviceId, SubscriptionKind kind, int expires,
                                                     LongFunction<ManscdpMessage> body) {
        if (expires < 1) {
            throw new IllegalArgumentException("subscription expires must be positive: " + expires);
        }
        Optional<RegisteredDevice> device = registry.get(deviceId);
        if (device.isEmpty()) {
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.NOT_REGISTERED, deviceId,
                    "device " + deviceId + " is not registered"));
        }
        ManscdpMessage query = body.apply(sn.getAndIncrement());
        Request request = requests.request(Request.SUBSCRIBE, device.get(), deviceId)
                .contact(requests.contact(device.get()))
                .expires(expires)
                .header(event(kind))
                .body(endpoint.messages().contentType(ManscdpCodec.CONTENT_TYPE_TYPE, ManscdpCodec.CONTENT_SUBTYPE),
                        ManscdpCodec.encode(query))
                .build();
        String id = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        CompletableFuture<Response> answered = new CompletableFuture<>();
        settingUp.put(id, deviceId);
        answered.whenComplete((response, error) -> settingUp.remove(id));
        try {
            endpoint.send(request, new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    if (event.getResponse().getStatusCode() < 200) {
                        return;
                    }
                    Dialog dialog = event.getDialog() != null ? event.getDialog()
                            : event.getClientTransaction().getDialog();
                    if (event.getResponse().getStatusCode() < 300 && !answered.isDone()) {
                        subscriptions.put(id, new ActiveSubscription(new Subscription(id, deviceId, kind,
                                grantedExpires(event.getResponse(), expires), clock.instant(), 0), dialog, body));
                    }
                    answered.complete(event.getResponse());
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    answered.completeExceptionally(new TimeoutException("SUBSCRIBE transaction timed out"));
                }
            });
        } catch (SipException | RuntimeException e) {
            settingUp.remove(id);
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.NOT_SENT, deviceId, 0,
                    "cannot send SUBSCRIBE: " + e.getMessage(), e));
        }
        return answered.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(error -> CompletableFuture.failedFuture(new DeviceCommandException(
                        Failure.NO_ANSWER, deviceId, 0, "no answer to SUBSCRIBE " + kind, error)))
                .thenCompose(response -> DialogRequests.requireSuccess(response, deviceId, "SUBSCRIBE " + kind))
                .thenApply(response -> accepted(id));
    }

    private Subscription accepted(String id) {
        ActiveSubscription active = subscriptions.get(id);
        if (active == null) {
            throw new DeviceCommandException(Failure.UNKNOWN_DIALOG, id, "subscription ended while being set up");
        }
        scheduleRefresh(active);
        return active.snapshot;
    }

    private void scheduleRefresh(ActiveSubscription active) {
        long delay = active.snapshot.expires() * 800L;
        synchronized (active) {
            if (!scheduler.isShutdown() && subscriptions.get(active.snapshot.id()) == active) {
                active.refresh = scheduler.schedule(() -> refresh(active), delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void refresh(ActiveSubscription active) {
        Subscription current = active.snapshot;
        if (subscriptions.get(current.id()) != active) {
            return;
        }
        CompletableFuture<Response> refreshed = sendInDialog(active, current.expires());
        active.inFlight(refreshed);
        refreshed.whenComplete((response, error) -> {
            if (error != null) {
                if (subscriptions.remove(current.id(), active)) {
                    LOG.info("subscription {} at {} lost: {}", current.kind(), current.deviceId(), error.getMessage());
                    listener.subscriptionEnded(current, "refresh failed: " + error.getMessage());
                }
                return;
            }
            active.snapshot = new Subscription(current.id(), current.deviceId(), current.kind(),
                    grantedExpires(response, current.expires()), clock.instant(), current.renewals() + 1);
            scheduleRefresh(active);
        });
    }

    private CompletableFuture<Response> sendInDialog(ActiveSubscription active, int expires) {
        Subscription current = active.snapshot;
        HeaderFactory headers = endpoint.messages().headers();
        Request request;
        try {
            request = active.dialog.createRequest(Request.SUBSCRIBE);
            request.setHeader(headers.createExpiresHeader(expires));
            request.setHeader(event(current.kind()));
            request.setContent(ManscdpCodec.encode(active.body.apply(sn.getAndIncrement())),
                    endpoint.messages().contentType(ManscdpCodec.CONTENT_TYPE_TYPE, ManscdpCodec.CONTENT_SUBTYPE));
        } catch (SipException | ParseException | InvalidArgumentException | RuntimeException e) {
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.NOT_SENT, current.deviceId(), 0,
                    "cannot build SUBSCRIBE refresh: " + e.getMessage(), e));
        }
        return dialogs.send(active.dialog, request, current.deviceId())
                .thenCompose(response -> DialogRequests.requireSuccess(response, current.deviceId(),
                        "SUBSCRIBE " + current.kind()));
    }

    /** Ends a subscription with SUBSCRIBE Expires 0; completes when the device accepted it. */
    public CompletableFuture<Void> unsubscribe(String id) {
        ActiveSubscription active = subscriptions.remove(id);
        if (active == null) {
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.UNKNOWN_DIALOG, id,
                    "no subscription " + id));
        }
        active.cancelRefresh();
        // after a refresh still in flight: in-dialog requests must reach the device in CSeq order
        return active.inFlight().handle((response, error) -> null)
                .thenCompose(x -> sendInDialog(active, 0))
                .thenApply(response -> null);
    }

    /** The device a subscription dialog (established or still being set up) belongs to. */
    public Optional<String> deviceOf(String callId) {
        ActiveSubscription active = subscriptions.get(callId);
        return active != null ? Optional.of(active.snapshot.deviceId()) : Optional.ofNullable(settingUp.get(callId));
    }

    /** The current state of a subscription. */
    public Optional<Subscription> subscription(String id) {
        ActiveSubscription active = subscriptions.get(id);
        return active == null ? Optional.empty() : Optional.of(active.snapshot);
    }

    /** All current subscriptions. */
    public List<Subscription> all() {
        return subscriptions.values().stream().map(a -> a.snapshot).toList();
    }

    /** The device ended subscription {@code id} (NOTIFY with Subscription-State terminated). */
    public void terminatedByDevice(String id, String reason) {
        ActiveSubscription active = subscriptions.remove(id);
        if (active != null) {
            active.cancelRefresh();
            listener.subscriptionEnded(active.snapshot, "terminated by device: " + reason);
        }
    }

    /** Unsubscribes everything, waiting at most {@code wait} for the devices' answers (shutdown). */
    public void unsubscribeAll(Duration wait) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (String id : List.copyOf(subscriptions.keySet())) {
            pending.add(unsubscribe(id).exceptionally(e -> {
                LOG.debug("unsubscribe {} at shutdown failed: {}", id, e.getMessage());
                return null;
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(wait.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("not every device answered the unsubscribe: {}", e.toString());
        }
    }

    private EventHeader event(SubscriptionKind kind) {
        try {
            return endpoint.messages().headers().createEventHeader(kind.eventHeader());
        } catch (ParseException e) {
            throw new IllegalStateException("invalid Event " + kind.eventHeader(), e);
        }
    }

    private static int grantedExpires(Response response, int requested) {
        ExpiresHeader granted = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
        return granted != null && granted.getExpires() > 0 ? granted.getExpires() : requested;
    }

    /** One accepted subscription with its dialog and refresh timer. */
    private static final class ActiveSubscription {
        private final Dialog dialog;
        private final LongFunction<ManscdpMessage> body;
        private volatile Subscription snapshot;
        private ScheduledFuture<?> refresh;
        private CompletableFuture<Response> inFlight = CompletableFuture.completedFuture(null);

        ActiveSubscription(Subscription snapshot, Dialog dialog, LongFunction<ManscdpMessage> body) {
            this.snapshot = snapshot;
            this.dialog = dialog;
            this.body = body;
        }

        synchronized void inFlight(CompletableFuture<Response> request) {
            inFlight = request;
        }

        synchronized CompletableFuture<Response> inFlight() {
            return inFlight;
        }

        synchronized void cancelRefresh() {
            if (refresh != null) {
                refresh.cancel(false);
            }
        }
    }
}
