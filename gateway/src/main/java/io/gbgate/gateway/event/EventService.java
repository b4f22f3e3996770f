package io.gbgate.gateway.event;

import io.gbgate.gateway.api.NotFoundException;
import io.gbgate.gateway.snapshot.SnapshotService;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.event.ChannelPosition;
import io.gbgate.storage.event.ChannelPositions;
import io.gbgate.storage.event.EventRepository;
import io.gbgate.storage.event.Evidence;
import io.gbgate.storage.event.EvidenceRepository;
import io.gbgate.storage.event.GovernanceEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Governance events and their evidence: idempotent create/update, clips (linked at once, exported when their range
 * is recorded), clips of every camera near a location, and live snapshots. Every change and its hooks commit in one
 * transaction.
 */
public final class EventService {
    private static final Logger log = LoggerFactory.getLogger(EventService.class);

    /** The result of a create-or-update. */
    public record Upserted(boolean created, EventView event) {
    }

    private final EventRepository events;
    private final EvidenceRepository evidence;
    private final ChannelRepository channels;
    private final ChannelPositions positions;
    private final EvidenceTracker tracker;
    private final EvidenceHooks hooks;
    private final EvidenceUrls urls;
    private final EvidenceObjects objects;
    private final SnapshotService snapshots;
    private final TransactionTemplate tx;
    private final EventsProperties props;
    private final Duration retention;
    private final Clock clock;

    EventService(EventRepository events, EvidenceRepository evidence, ChannelRepository channels,
                 ChannelPositions positions, EvidenceTracker tracker, EvidenceHooks hooks, EvidenceUrls urls,
                 EvidenceObjects objects, SnapshotService snapshots, TransactionTemplate tx, EventsProperties props,
                 Duration retention, Clock clock) {
        this.events = events;
        this.evidence = evidence;
        this.channels = channels;
        this.positions = positions;
        this.tracker = tracker;
        this.hooks = hooks;
        this.urls = urls;
        this.objects = objects;
        this.snapshots = snapshots;
        this.tx = tx;
        this.props = props;
        this.retention = retention;
        this.clock = clock;
    }

    /** Creates or updates the event as the platform reports it; its channels must be in the catalog. */
    public Upserted upsert(GovernanceEvent reported) {
        reported.channels().forEach(this::requireChannel);
        boolean created = Boolean.TRUE.equals(tx.execute(status -> events.upsert(reported)));
        return new Upserted(created, view(reported.eventId()).orElseThrow());
    }

    public Optional<EventView> view(String eventId) {
        return events.find(eventId).map(e -> new EventView(e.eventId(), e.type(), e.occurredAt(), e.longitude(),
                e.latitude(), e.gridCode(), e.status(), e.personId(), e.channels(), e.createdAt(), e.updatedAt(),
                evidence.findByEvent(e.eventId()).stream().map(urls::view).toList()));
    }

    /** Links a clip of the channel's recording; it is exported once the range is recorded. */
    public EvidenceView attachClip(String eventId, String channelId, ClipRange range) {
        requireEvent(eventId);
        requireChannel(channelId);
        requireRecordable(range);
        return urls.view(tx.execute(status -> linkClip(eventId, channelId, range)));
    }

    /**
     * Links a clip of every channel within {@code radiusMeters} of the point (at most
     * {@link EventsProperties#maxNearbyChannels()}, nearest first), all or none.
     */
    public List<EvidenceView> attachNearbyClips(String eventId, double longitude, double latitude,
                                                double radiusMeters, ClipRange range) {
        requireEvent(eventId);
        requireRecordable(range);
        List<ChannelPosition> near = positions.nearby(longitude, latitude, radiusMeters);
        if (near.isEmpty()) {
            throw new NotFoundException("no camera within " + radiusMeters + " m of " + longitude + ", " + latitude);
        }
        List<ChannelPosition> chosen = near.subList(0, Math.min(near.size(), props.maxNearbyChannels()));
        List<Evidence> linked = tx.execute(status -> {
            List<Evidence> items = new ArrayList<>();
            for (ChannelPosition position : chosen) {
                items.add(linkClip(eventId, position.channelId(), range));
            }
            return items;
        });
        return linked.stream().map(urls::view).toList();
    }

    /** Links a snapshot of the channel's live picture, taken now; pending until stored. */
    public EvidenceView attachSnapshot(String eventId, String channelId) {
        requireEvent(eventId);
        requireChannel(channelId);
        return urls.view(tx.execute(status -> linkSnapshot(eventId, channelId)));
    }

    /** Within a transaction: a pending clip item, due for export after its end plus the settle time. */
    Evidence linkClip(String eventId, String channelId, ClipRange range) {
        Instant end = range.to().isAfter(clock.instant()) ? range.to() : clock.instant();
        Evidence clip = evidence.addClip(eventId, channelId, range.from(), range.to(), end.plus(props.clipSettle()));
        events.addChannels(eventId, List.of(channelId));
        events.touch(eventId);
        hooks.changed(clip);
        afterCommit(tracker::wake);
        return clip;
    }

    /** Within a transaction: a pending snapshot item, taken and stored after the commit. */
    Evidence linkSnapshot(String eventId, String channelId) {
        Evidence snapshot = evidence.addSnapshot(eventId, channelId, clock.instant());
        events.addChannels(eventId, List.of(channelId));
        events.touch(eventId);
        hooks.changed(snapshot);
        afterCommit(() -> take(snapshot));
        return snapshot;
    }

    private void take(Evidence item) {
        try {
            snapshots.capture(item.channelId()).thenAcceptAsync(
                    picture -> tracker.snapshotStored(item, objects.putJpeg("snapshots", item.channelId(),
                            picture.jpeg())), tracker.executor())
                    .exceptionally(error -> {
                        log.info("snapshot for evidence {} failed: {}", item.id(), error.toString());
                        tracker.finish(item, null, "snapshot failed: " + rootMessage(error));
                        return null;
                    });
        } catch (RuntimeException e) {
            tracker.finish(item, null, "snapshot failed: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static void afterCommit(Runnable action) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    void requireEvent(String eventId) {
        if (events.find(eventId).isEmpty()) {
            throw new NotFoundException("unknown event " + eventId + " (create it with PUT /api/events/" + eventId + ")");
        }
    }

    void requireChannel(String channelId) {
        if (channelId == null || channels.findById(channelId).isEmpty()) {
            throw new NotFoundException("unknown channel " + channelId);
        }
    }

    private void requireRecordable(ClipRange range) {
        Instant now = clock.instant();
        if (range.to().isBefore(now.minus(retention))) {
            throw new IllegalArgumentException("range " + range.from() + " .. " + range.to()
                    + " is outside the retention: recordings are kept " + retention.toHours() + " h");
        }
        if (range.from().isAfter(now.plus(Duration.ofHours(1)))) {
            throw new IllegalArgumentException("range starts more than an hour in the future: " + range.from());
        }
    }
}
