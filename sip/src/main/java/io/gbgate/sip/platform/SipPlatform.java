package io.gbgate.sip.platform;

import io.gbgate.sip.auth.FailedDigestLimiter;
import io.gbgate.sip.auth.NonceService;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.mansrtsp.MansrtspCodec;
import io.gbgate.sip.mansrtsp.MansrtspRequest;
import io.gbgate.sip.platform.handler.AlarmNotifyHandler;
import io.gbgate.sip.platform.handler.CatalogNotifyHandler;
import io.gbgate.sip.platform.handler.ConfigDownloadResponseHandler;
import io.gbgate.sip.platform.handler.DeviceConfigResponseHandler;
import io.gbgate.sip.platform.handler.DeviceStatusResponseHandler;
import io.gbgate.sip.platform.handler.MediaStatusNotifyHandler;
import io.gbgate.sip.platform.handler.MobilePositionNotifyHandler;
import io.gbgate.sip.platform.handler.PresetQueryResponseHandler;
import io.gbgate.sip.platform.handler.RecordInfoResponseHandler;
import io.gbgate.sip.platform.handler.ActiveCall;
import io.gbgate.sip.platform.handler.ByeHandler;
import io.gbgate.sip.platform.handler.CatalogResponseHandler;
import io.gbgate.sip.platform.handler.DeviceControlResponseHandler;
import io.gbgate.sip.platform.handler.DeviceInfoResponseHandler;
import io.gbgate.sip.platform.handler.DeviceRegistry;
import io.gbgate.sip.platform.handler.DeviceRequests;
import io.gbgate.sip.platform.handler.DialogRequests;
import io.gbgate.sip.platform.handler.InviteClient;
import io.gbgate.sip.platform.handler.KeepaliveHandler;
import io.gbgate.sip.platform.handler.KeepaliveMonitor;
import io.gbgate.sip.platform.handler.MessageHandler;
import io.gbgate.sip.platform.handler.NotifyHandler;
import io.gbgate.sip.platform.handler.PendingAnswers;
import io.gbgate.sip.platform.handler.PlatformQueries;
import io.gbgate.sip.platform.handler.PlatformMethods;
import io.gbgate.sip.platform.handler.RegisterHandler;
import io.gbgate.sip.platform.handler.SubscriptionClient;
import io.gbgate.sip.stack.MethodRoutingListener;
import io.gbgate.sip.stack.SipEndpoint;
import io.gbgate.sip.stack.SipEndpointConfig;
import io.gbgate.sip.stack.SipTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GB28181 platform (SIP server) role: accepts device registrations with digest authentication,
 * supervises keepalives, collects DeviceInfo and Catalog, sets up live-view, playback and download
 * calls (with MANSRTSP playback control), subscribes to catalog, alarm and position events and
 * controls and queries devices through {@link #commands()}.
 *
 * <p>Lifecycle: construct, {@link #start()}, use, {@link #close()}. Thread-safe after start.
 */
public final class SipPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipPlatform.class);
    private static final Duration UNSUBSCRIBE_WAIT = Duration.ofSeconds(2);

    private final SipPlatformConfig config;
    private final PlatformListener listener;
    private final Clock clock = Clock.systemUTC();
    private final DeviceRegistry registry = new DeviceRegistry();
    private final PendingAnswers pending;
    private final CatalogResponseHandler catalogs;
    private final ScheduledThreadPoolExecutor scheduler;
    private SipEndpoint endpoint;
    private PlatformQueries queries;
    private InviteClient invites;
    private SubscriptionClient subscriptions;
    private DeviceCommands commands;
    private KeepaliveMonitor monitor;
    private final FailedDigestLimiter failedDigests;

    /** Creates a stopped platform with the default failed-digest limits ({@link FailedDigestLimiter#defaults}). */
    public SipPlatform(SipPlatformConfig config, PlatformListener listener) {
        this(config, listener, FailedDigestLimiter.defaults());
    }

    /** Creates a stopped platform whose REGISTER handling slows password guessing with {@code failedDigests}. */
    public SipPlatform(SipPlatformConfig config, PlatformListener listener, FailedDigestLimiter failedDigests) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.failedDigests = Objects.requireNonNull(failedDigests, "failedDigests");
        this.pending = new PendingAnswers(config.queryTimeout());
        this.catalogs = new CatalogResponseHandler(pending, listener);
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "gb-platform-timer-" + config.id());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Binds UDP and TCP on the configured port and starts keepalive supervision.
     *
     * @throws io.gbgate.sip.stack.SipStackStartException when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (endpoint != null) {
            throw new IllegalStateException("platform already started");
        }
        MethodRoutingListener sipListener = new MethodRoutingListener("platform " + config.id());
        SipEndpoint sip = SipEndpoint.open(new SipEndpointConfig("gb-platform", config.bindHost(), config.port(),
                EnumSet.allOf(SipTransport.class), config.maxMessageSize()), sipListener);
        DeviceRequests requests = new DeviceRequests(config, sip);
        DialogRequests dialogs = new DialogRequests(sip, scheduler, config.queryTimeout());
        queries = new PlatformQueries(registry, requests, pending);
        invites = new InviteClient(config, sip, requests, registry, scheduler, dialogs);
        subscriptions = new SubscriptionClient(sip, requests, registry, dialogs, scheduler, listener,
                config.queryTimeout(), clock);
        RegisterHandler register = new RegisterHandler(config, sip, registry, catalogs,
                NonceService.withRandomKey(config.nonceExpiry()), failedDigests, listener,
                this::queryNewDevice, clock);
        RecordInfoResponseHandler records = new RecordInfoResponseHandler(pending);
        MessageHandler message = new MessageHandler(config, sip, registry, List.of(
                new KeepaliveHandler(registry, listener, clock, config.defaultKeepaliveInterval()),
                catalogs,
                new CatalogNotifyHandler(catalogs, listener),
                new DeviceInfoResponseHandler(pending, listener),
                new DeviceControlResponseHandler(pending),
                new DeviceStatusResponseHandler(pending),
                new ConfigDownloadResponseHandler(pending),
                new DeviceConfigResponseHandler(pending),
                new PresetQueryResponseHandler(pending),
                records,
                new AlarmNotifyHandler(listener, requests, id -> subscriptions.deviceOf(id).isPresent()),
                new MobilePositionNotifyHandler(listener),
                new MediaStatusNotifyHandler(invites, listener)), this::deviceOfDialog);
        commands = new DeviceCommands(queries, records);
        sipListener.bind(sip, PlatformMethods.routes(sip, register, message, new ByeHandler(sip, invites, listener),
                new NotifyHandler(sip, subscriptions, message)));
        monitor = new KeepaliveMonitor(config, registry, catalogs, listener, clock);
        monitor.start(scheduler);
        endpoint = sip;
        LOG.info("GB28181 platform {} (domain {}) on port {}", config.id(), config.domain(), sip.port());
    }

    private Optional<String> deviceOfDialog(String callId) {
        return invites.call(callId).map(ActiveCall::deviceId).or(() -> subscriptions.deviceOf(callId));
    }

    private void queryNewDevice(RegisteredDevice device) {
        queries.queryDeviceInfo(device.deviceId()).exceptionally(e -> {
            LOG.info("DeviceInfo of {} failed: {}", device.deviceId(), e.getMessage());
            return null;
        });
        queries.queryCatalog(device.deviceId()).exceptionally(e -> {
            LOG.info("Catalog of {} failed: {}", device.deviceId(), e.getMessage());
            return null;
        });
    }

    /** The SIP port (useful when configured as 0). */
    public int port() {
        return started().port();
    }

    /** A registered device. */
    public Optional<RegisteredDevice> device(String deviceId) {
        return registry.get(deviceId);
    }

    /** All registered devices (online or not). */
    public Collection<RegisteredDevice> devices() {
        return registry.all();
    }

    /** Channels known from the device's catalog answers. */
    public List<CatalogItem> channels(String deviceId) {
        return catalogs.channels(deviceId);
    }

    /** Asks for the catalog; completes when all SumNum items arrived. */
    public CompletableFuture<Void> queryCatalog(String deviceId) {
        started();
        return queries.queryCatalog(deviceId);
    }

    /** Asks for the device information; completes with the answer. */
    public CompletableFuture<DeviceInfoResponse> queryDeviceInfo(String deviceId) {
        started();
        return queries.queryDeviceInfo(deviceId);
    }

    /** Asks the device for a key frame (Result ERROR is returned, not thrown) on {@code channelId} (DeviceControl IFameCmd). */
    public CompletableFuture<DeviceControlResult> sendKeyframeRequest(String deviceId, String channelId) {
        started();
        return queries.requestKeyframe(deviceId, channelId);
    }

    /**
     * Starts a live-view, playback or download call (see {@link InviteRequest}); fails with an
     * {@link InviteException} naming the stage.
     */
    public CompletableFuture<InviteAnswer> invite(InviteRequest request) {
        started();
        return invites.invite(request);
    }

    /**
     * Controls a playback or download call with a MANSRTSP request in an INFO (pause, resume, seek with
     * Range, speed with Scale, teardown); completes when the device answered 2xx.
     */
    public CompletableFuture<Void> sendPlaybackControl(String callId, MansrtspRequest control) {
        started();
        return invites.info(callId, MansrtspCodec.CONTENT_TYPE_TYPE, MansrtspCodec.CONTENT_SUBTYPE,
                MansrtspCodec.encode(control)).thenApply(response -> null);
    }

    /** Device control and queries (PTZ, DeviceStatus, BasicParam, presets, recordings, ...). */
    public DeviceCommands commands() {
        started();
        return commands;
    }

    /** Hangs up a call set up by {@link #invite}. */
    public CompletableFuture<Void> bye(String callId) {
        started();
        return invites.bye(callId);
    }

    private synchronized SipEndpoint started() {
        if (endpoint == null) {
            throw new IllegalStateException("platform not started");
        }
        return endpoint;
    }

    /**
     * Subscribes at a device; the subscription is refreshed before it expires until
     * {@link #unsubscribe} or {@link #close}. NOTIFYs reach the listener.
     *
     * @param expires requested lifetime, at least one second (the device may grant another)
     * @throws IllegalArgumentException for a lifetime under one second
     */
    public CompletableFuture<Subscription> subscribe(String deviceId, SubscriptionKind kind, Duration expires) {
        started();
        return subscriptions.subscribe(deviceId, kind, (int) expires.toSeconds(), SubscriptionQueries.forKind(kind,
                deviceId));
    }

    /** Ends a subscription (SUBSCRIBE Expires 0). */
    public CompletableFuture<Void> unsubscribe(String subscriptionId) {
        started();
        return subscriptions.unsubscribe(subscriptionId);
    }

    /** The current subscriptions. */
    public List<Subscription> subscriptions() {
        started();
        return subscriptions.all();
    }

    /**
     * Stops supervision, unsubscribes (waiting briefly for the devices), fails waiting queries and
     * stops the SIP stack.
     */
    @Override
    public synchronized void close() {
        if (monitor != null) {
            monitor.stop();
        }
        if (subscriptions != null) {
            subscriptions.unsubscribeAll(UNSUBSCRIBE_WAIT);
        }
        scheduler.shutdownNow();
        pending.failAll(new IllegalStateException("platform closed"));
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
    }
}
