package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.AlarmResponse;
import io.gbgate.sip.manscdp.BasicParam;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogNotify;
import io.gbgate.sip.manscdp.KeepaliveNotify;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import io.gbgate.sip.stack.MethodRoutingListener;
import io.gbgate.sip.stack.SipEndpoint;
import io.gbgate.sip.stack.SipEndpointConfig;
import io.gbgate.sip.stack.SipTransport;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A GB28181 device (camera) agent: registers with digest authentication and keeps the registration
 * fresh, sends keepalives, answers Catalog / DeviceInfo / DeviceStatus / ConfigDownload / PresetQuery
 * / RecordInfo queries, DeviceControl and DeviceConfig (see {@link #state()}), answers live, playback
 * and download INVITEs and MANSRTSP playback control through a {@link MediaSessionFactory}, accepts
 * subscriptions and raises alarms, positions and catalog changes. Used by the camera simulator and
 * by tests.
 */
public final class SipDeviceAgent implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipDeviceAgent.class);
    private static final int DEFAULT_HEARTBEAT_COUNT = 3;

    private final SipDeviceConfig config;
    private final MediaSessionFactory mediaFactory;
    private final ScheduledThreadPoolExecutor scheduler;
    private final CompletableFuture<Void> registered = new CompletableFuture<>();
    private final AtomicLong keepaliveSn = new AtomicLong(1);
    private final AtomicLong eventSn = new AtomicLong(1);
    private SipEndpoint endpoint;
    private DeviceRegistration registration;
    private final DeviceState state;
    private final AlarmResponseReceipt alarmAcknowledgements = new AlarmResponseReceipt();
    private DeviceControlAnswer controls;
    private DeviceEvents events;
    private DeviceCallHandler calls;
    private DeviceSubscriptions subscriptions;
    private ServerRequests requests;
    private ScheduledFuture<?> keepalive;

    /** Creates a stopped agent. */
    public SipDeviceAgent(SipDeviceConfig config, MediaSessionFactory mediaFactory) {
        this.config = Objects.requireNonNull(config, "config");
        this.mediaFactory = Objects.requireNonNull(mediaFactory, "mediaFactory");
        this.state = new DeviceState(new BasicParam(config.deviceName(), config.registerExpires(),
                (int) Math.max(1, config.keepaliveInterval().toSeconds()), DEFAULT_HEARTBEAT_COUNT));
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "gb-device-timer-" + config.deviceId());
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Opens the SIP endpoint and registers; keepalives start after the first successful REGISTER.
     * Follow the outcome with {@link #registered()}.
     */
    public synchronized void start() {
        if (endpoint != null) {
            throw new IllegalStateException("agent already started");
        }
        MethodRoutingListener listener = new MethodRoutingListener("device " + config.deviceId());
        SipEndpoint sip = SipEndpoint.open(new SipEndpointConfig("gb-device-" + config.deviceId(),
                config.localHost(), config.localPort(), EnumSet.of(config.transport()),
                SipEndpointConfig.DEFAULT_MAX_MESSAGE_SIZE), listener);
        requests = new ServerRequests(config, sip);
        DeviceAnswers answers = new DeviceAnswers(config, requests, state);
        controls = new DeviceControlAnswer(answers);
        DeviceQueryResponder queries = new DeviceQueryResponder(config, sip, List.of(
                new CatalogQueryAnswer(answers),
                new DeviceInfoQueryAnswer(answers),
                controls,
                new DeviceStatusAnswer(answers, Clock.systemDefaultZone()),
                new ConfigDownloadAnswer(answers),
                new DeviceConfigAnswer(answers),
                new PresetQueryAnswer(answers),
                new RecordInfoAnswer(answers),
                alarmAcknowledgements));
        calls = new DeviceCallHandler(config, sip, requests, mediaFactory);
        subscriptions = new DeviceSubscriptions(config, sip, requests, Clock.systemUTC());
        events = new DeviceEvents(requests, subscriptions);
        listener.bind(sip, DeviceMethods.routes(queries, calls, subscriptions));
        registration = new DeviceRegistration(config, sip, requests, scheduler);
        endpoint = sip;
        registration.register().whenComplete((ok, error) -> {
            if (error == null) {
                startKeepalive();
                registered.complete(null);
            } else {
                registered.completeExceptionally(error);
            }
        });
    }

    /** Completes after the first successful REGISTER; fails with {@link DeviceRegistrationException}. */
    public CompletableFuture<Void> registered() {
        return registered;
    }

    /** Local SIP port. */
    public synchronized int port() {
        return started().port();
    }

    /** Number of key-frame requests (DeviceControl IFameCmd) received. */
    public int keyframeRequests() {
        return controls == null ? 0 : controls.keyframeRequests();
    }

    /** What the device remembers (presets, BasicParam, recordings), its answer mode and its control log. */
    public DeviceState state() {
        return state;
    }

    /** The platform's Response(Alarm) acknowledgements of alarms sent as MESSAGE. */
    public List<AlarmResponse> alarmAcknowledgements() {
        return alarmAcknowledgements.received();
    }

    /** Raises an alarm: NOTIFY to alarm subscribers and/or MESSAGE, as {@code delivery} says. */
    public CompletableFuture<Void> raiseAlarm(AlarmNotify alarm, EventDelivery delivery) {
        started();
        return events.deliver(SubscriptionTopic.ALARM, alarm, delivery);
    }

    /** Reports a position: NOTIFY to position subscribers and/or MESSAGE, as {@code delivery} says. */
    public CompletableFuture<Void> reportPosition(MobilePositionNotify position, EventDelivery delivery) {
        started();
        return events.deliver(SubscriptionTopic.MOBILE_POSITION, position, delivery);
    }

    /** Reports catalog changes: NOTIFY to catalog subscribers and/or MESSAGE, as {@code delivery} says. */
    public CompletableFuture<Void> reportCatalogChanges(List<CatalogChange> changes, EventDelivery delivery) {
        started();
        return events.deliver(SubscriptionTopic.CATALOG, new CatalogNotify(eventSn.getAndIncrement(),
                config.deviceId(), changes.size(), changes), delivery);
    }

    /**
     * The recording of a playback or download call reached its end: sends MediaStatus NotifyType 121
     * in the call's dialog (the platform then normally hangs up).
     */
    public CompletableFuture<Void> fileEnded(String callId) {
        started();
        return calls.fileEnded(callId, eventSn.getAndIncrement());
    }

    private synchronized void startKeepalive() {
        if (keepalive != null || scheduler.isShutdown()) {
            return;
        }
        long period = config.keepaliveInterval().toMillis();
        keepalive = scheduler.scheduleAtFixedRate(this::sendKeepalive, period, period, TimeUnit.MILLISECONDS);
    }

    private void sendKeepalive() {
        requests.sendManscdp(new KeepaliveNotify(keepaliveSn.getAndIncrement(), config.deviceId(),
                KeepaliveNotify.STATUS_OK)).exceptionally(e -> {
                    LOG.info("keepalive of {} not accepted: {}", config.deviceId(), e.getMessage());
                    return null;
                });
    }

    /** Stops sending keepalives (the registration stays), e.g. to simulate a device going silent. */
    public synchronized void stopKeepalive() {
        if (keepalive != null) {
            keepalive.cancel(false);
        }
    }

    /** Unregisters (REGISTER Expires 0) and stops keepalives and refreshes. */
    public CompletableFuture<Void> unregister() {
        stopKeepalive();
        started();
        return registration.unregister();
    }

    /** The platform's current subscriptions at this device. */
    public List<DeviceSubscription> subscriptions() {
        started();
        return subscriptions.active();
    }

    /** Hangs up the call on {@code channelId} from the device side. */
    public CompletableFuture<Void> bye(String channelId) {
        started();
        return calls.bye(channelId);
    }

    private synchronized SipEndpoint started() {
        if (endpoint == null) {
            throw new IllegalStateException("agent not started");
        }
        return endpoint;
    }

    /** Stops timers and calls and closes the SIP stack (no unregister: call {@link #unregister()} first). */
    @Override
    public synchronized void close() {
        stopKeepalive();
        scheduler.shutdownNow();
        if (registration != null) {
            registration.stop();
        }
        if (calls != null) {
            calls.endAll();
        }
        if (subscriptions != null) {
            subscriptions.clear();
        }
        if (endpoint != null) {
            endpoint.close();
            endpoint = null;
        }
        registered.completeExceptionally(new IllegalStateException("agent closed"));
    }
}
