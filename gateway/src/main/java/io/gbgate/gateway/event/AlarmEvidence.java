package io.gbgate.gateway.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.device.DeviceAlarmEvent;
import io.gbgate.gateway.webhook.HookType;
import io.gbgate.gateway.webhook.WebhookPublisher;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.event.DeviceAlarm;
import io.gbgate.storage.event.EventRepository;
import io.gbgate.storage.event.Evidence;
import io.gbgate.storage.event.EvidenceKind;
import io.gbgate.storage.event.EvidenceRepository;
import io.gbgate.storage.event.GovernanceEvent;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Device alarms through the event rules ({@link EventsProperties.Alarms}): every stored alarm is sent as an
 * {@code alarm} hook; a matching alarm of a known channel is first linked, as ready {@code alarm} evidence with a
 * snapshot and a clip around the time it was received, to the channel's open event or to a new event
 * {@code alarm-<alarmId>} (idempotent). The link and the hook commit in one transaction. Alarms arrive on SIP
 * threads and are handled one at a time, in arrival order, on a thread of this class.
 *
 * <p>The clip is centred on the receive time, not on the device's (local, often unsynchronised) alarm time.
 */
public final class AlarmEvidence implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AlarmEvidence.class);

    private final EventsProperties props;
    private final ChannelRepository channels;
    private final EventRepository events;
    private final EvidenceRepository evidence;
    private final EventService eventService;
    private final EvidenceHooks hooks;
    private final WebhookPublisher publisher;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(new DefaultThreadFactory("alarm-evidence", true));

    AlarmEvidence(EventsProperties props, ChannelRepository channels, EventRepository events,
                  EvidenceRepository evidence, EventService eventService, EvidenceHooks hooks,
                  WebhookPublisher publisher, TransactionTemplate tx, ObjectMapper json) {
        this.props = props;
        this.channels = channels;
        this.events = events;
        this.evidence = evidence;
        this.eventService = eventService;
        this.hooks = hooks;
        this.publisher = publisher;
        this.tx = tx;
        this.json = json;
    }

    /** Hands the alarm to this class's thread; the SIP thread returns at once. */
    @EventListener
    public void onAlarm(DeviceAlarmEvent event) {
        try {
            executor.execute(() -> handle(event.alarm()));
        } catch (RejectedExecutionException closed) {
            log.info("shutting down: alarm {} not linked or announced", event.alarm().id());
        }
    }

    /** Links (when the rules say so) and announces one alarm. */
    void handle(DeviceAlarm alarm) {
        try {
            tx.executeWithoutResult(status -> announce(alarm, link(alarm)));
        } catch (RuntimeException e) {
            log.warn("alarm {} of {}: linking failed ({}), announcing it alone", alarm.id(), alarm.deviceId(),
                    e.toString());
            try {
                announce(alarm, null);
            } catch (RuntimeException again) {
                log.warn("alarm {} hook not queued: {}", alarm.id(), again.toString());
            }
        }
    }

    /** Where an alarm went: the event and whether it was opened by the alarm. */
    private record Linked(String eventId, boolean created, String channelId) {
    }

    private Linked link(DeviceAlarm alarm) {
        EventsProperties.Alarms rules = props.alarms();
        if (!rules.matches(alarm.method(), alarm.alarmType(), alarm.priority())) {
            return null;
        }
        Optional<ChannelRecord> channel = channelOf(alarm);
        if (channel.isEmpty()) {
            log.info("alarm {} of {}: source {} is no known channel, not linked to an event", alarm.id(),
                    alarm.deviceId(), alarm.sourceId());
            return null;
        }
        String channelId = channel.get().channelId();
        Optional<GovernanceEvent> open = rules.joinOpen()
                ? events.findOpenOfChannel(channelId, props.closedStatuses()) : Optional.empty();
        boolean created = open.isEmpty();
        String eventId = open.map(GovernanceEvent::eventId).orElse("alarm-" + alarm.id());
        if (created) {
            events.upsert(new GovernanceEvent(eventId, "alarm", alarm.receivedAt(),
                    alarm.longitude() != null ? alarm.longitude() : channel.get().longitude(),
                    alarm.latitude() != null ? alarm.latitude() : channel.get().latitude(),
                    channel.get().civilCode(), "open", null, List.of(channelId), null, null));
        }
        hooks.changed(evidence.addReady(eventId, EvidenceKind.ALARM, channelId, null, null, detail(alarm),
                alarm.receivedAt()));
        if (rules.snapshot()) {
            eventService.linkSnapshot(eventId, channelId);
        }
        eventService.linkClip(eventId, channelId,
                ClipRange.around(alarm.receivedAt(), rules.preRoll(), rules.postRoll()));
        return new Linked(eventId, created, channelId);
    }

    /** The alarm's source when it is a channel; else the device's only channel. */
    private Optional<ChannelRecord> channelOf(DeviceAlarm alarm) {
        Optional<ChannelRecord> source = channels.findById(alarm.sourceId());
        if (source.isPresent()) {
            return source;
        }
        List<ChannelRecord> ofDevice = channels.findByDevice(alarm.deviceId());
        return ofDevice.size() == 1 ? Optional.of(ofDevice.get(0)) : Optional.empty();
    }

    private void announce(DeviceAlarm alarm, Linked linked) {
        Map<String, Object> data = fields(alarm);
        if (linked != null) {
            data.put("eventId", linked.eventId());
            data.put("eventCreated", linked.created());
            data.put("channelId", linked.channelId());
        }
        publisher.publish(HookType.ALARM, data);
    }

    private static Map<String, Object> fields(DeviceAlarm alarm) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alarmId", alarm.id());
        data.put("deviceId", alarm.deviceId());
        data.put("sourceId", alarm.sourceId());
        data.put("priority", alarm.priority());
        data.put("method", alarm.method());
        data.put("alarmType", alarm.alarmType());
        data.put("alarmTime", alarm.alarmTime() != null ? alarm.alarmTime().toString() : null);
        data.put("description", alarm.description());
        data.put("longitude", alarm.longitude());
        data.put("latitude", alarm.latitude());
        data.put("receivedAt", alarm.receivedAt().toString());
        return data;
    }

    private String detail(DeviceAlarm alarm) {
        try {
            return json.writeValueAsString(fields(alarm));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alarm detail not serializable", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
