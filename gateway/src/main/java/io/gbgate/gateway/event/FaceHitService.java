package io.gbgate.gateway.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.gateway.webhook.HookType;
import io.gbgate.gateway.webhook.WebhookPublisher;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.event.EventRepository;
import io.gbgate.storage.event.Evidence;
import io.gbgate.storage.event.EvidenceKind;
import io.gbgate.storage.event.EvidenceRepository;
import io.gbgate.storage.event.FaceHit;
import io.gbgate.storage.event.FaceHitRepository;
import io.gbgate.storage.event.GovernanceEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the face-hit rules: a hit below its watch list's threshold or within the de-duplication window of a
 * linked hit of the same person on the same channel is answered without storing anything; otherwise it is linked
 * to the first event the actions find (the given one, an open one of the person, or a new one) together with its
 * image, a live snapshot and a clip around its time, all in one transaction.
 */
public final class FaceHitService {
    private final EventsProperties props;
    private final ChannelRepository channels;
    private final EventRepository events;
    private final EvidenceRepository evidence;
    private final FaceHitRepository hits;
    private final EventService eventService;
    private final EvidenceObjects objects;
    private final EvidenceHooks hooks;
    private final EvidenceUrls urls;
    private final WebhookPublisher publisher;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    FaceHitService(EventsProperties props, ChannelRepository channels, EventRepository events,
                   EvidenceRepository evidence, FaceHitRepository hits, EventService eventService,
                   EvidenceObjects objects, EvidenceHooks hooks, EvidenceUrls urls, WebhookPublisher publisher,
                   TransactionTemplate tx, ObjectMapper json) {
        this.props = props;
        this.channels = channels;
        this.events = events;
        this.evidence = evidence;
        this.hits = hits;
        this.eventService = eventService;
        this.objects = objects;
        this.hooks = hooks;
        this.urls = urls;
        this.publisher = publisher;
        this.tx = tx;
        this.json = json;
    }

    /** Where a hit goes: an existing event, or a new one when {@code eventId} is null. */
    private record Target(String eventId) {
    }

    /**
     * Handles one hit.
     *
     * @throws IllegalArgumentException for missing or malformed fields (image included)
     * @throws NotFoundException        for an unknown channel, or an unknown given event
     */
    public FaceHitResult handle(FaceHitRequest hit) {
        hit.validate();
        ChannelRecord channel = channels.findById(hit.channelId())
                .orElseThrow(() -> new NotFoundException("unknown channel " + hit.channelId()));
        byte[] jpeg = hit.image() != null && !hit.image().isBlank() ? FaceImage.decodeJpeg(hit.image()) : null;
        EventsProperties.FaceHits rules = props.faceHits();
        double threshold = rules.thresholdOf(hit.watchList());
        if (hit.similarity() < threshold) {
            return FaceHitResult.belowThreshold(threshold);
        }
        Duration window = rules.dedupWindow();
        Optional<FaceHit> earlier = hits.findLatest(hit.personId(), hit.channelId(), hit.time().minus(window),
                hit.time().plus(window));
        if (earlier.isPresent()) {
            return FaceHitResult.duplicate(earlier.get().eventId(), earlier.get().id());
        }
        Target target = resolve(hit, rules.actionsOf(hit.watchList()));
        String imageKey = jpeg == null ? null : objects.putJpeg("faces", hit.channelId(), jpeg);
        try {
            return tx.execute(status -> link(hit, channel, target, imageKey));
        } catch (RuntimeException e) {
            if (imageKey != null) {
                objects.deleteQuietly(imageKey);
            }
            throw e;
        }
    }

    private Target resolve(FaceHitRequest hit, List<FaceHitAction> actions) {
        for (FaceHitAction action : actions) {
            switch (action) {
                case GIVEN -> {
                    if (hit.eventId() != null && !hit.eventId().isBlank()) {
                        eventService.requireEvent(hit.eventId());
                        return new Target(hit.eventId());
                    }
                }
                case OPEN -> {
                    Optional<GovernanceEvent> open = events.findOpenOfPerson(hit.personId(), props.closedStatuses());
                    if (open.isPresent()) {
                        return new Target(open.get().eventId());
                    }
                }
                case CREATE -> {
                    return new Target(null);
                }
            }
        }
        throw new IllegalArgumentException("no rule linked the hit: watch list " + hit.watchList() + " allows "
                + actions + " and none applied (no eventId given, no open event of person " + hit.personId() + ")");
    }

    private FaceHitResult link(FaceHitRequest hit, ChannelRecord channel, Target target, String imageKey) {
        boolean created = target.eventId() == null;
        String eventId = created ? "fh-" + UUID.randomUUID() : target.eventId();
        if (created) {
            events.createForPerson(new GovernanceEvent(eventId, "face-hit", hit.time(), channel.longitude(),
                    channel.latitude(), channel.civilCode(), "open", null, List.of(hit.channelId()), null, null),
                    hit.personId());
        }
        FaceHit stored = hits.add(hit.channelId(), hit.personId(), hit.watchList(), hit.similarity(), hit.engine(),
                hit.time(), eventId);
        Evidence image = evidence.addReady(eventId, EvidenceKind.FACE_HIT, hit.channelId(), imageKey,
                imageKey == null ? hit.imageUrl() : null, detail(stored), hit.time());
        hooks.changed(image);
        Evidence snapshot = eventService.linkSnapshot(eventId, hit.channelId());
        Evidence clip = eventService.linkClip(eventId, hit.channelId(),
                ClipRange.around(hit.time(), props.preRoll(), props.postRoll()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", eventId);
        data.put("eventCreated", created);
        data.put("hitId", stored.id());
        data.put("channelId", stored.channelId());
        data.put("personId", stored.personId());
        data.put("watchList", stored.watchList());
        data.put("similarity", stored.similarity());
        data.put("engine", stored.engine());
        data.put("time", stored.hitAt().toString());
        publisher.publish(HookType.FACE_HIT_LINKED, data);
        return new FaceHitResult("linked", eventId, created, stored.id(), null, null,
                List.of(urls.view(image), urls.view(snapshot), urls.view(clip)));
    }

    private String detail(FaceHit hit) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("hitId", hit.id());
        detail.put("personId", hit.personId());
        detail.put("watchList", hit.watchList());
        detail.put("similarity", hit.similarity());
        detail.put("engine", hit.engine());
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("face hit detail not serializable", e);
        }
    }
}
