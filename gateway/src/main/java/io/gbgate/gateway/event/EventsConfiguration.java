package io.gbgate.gateway.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.snapshot.SnapshotService;
import io.gbgate.gateway.webhook.WebhookPublisher;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.event.ChannelPositions;
import io.gbgate.storage.event.EventRepository;
import io.gbgate.storage.event.EvidenceRepository;
import io.gbgate.storage.event.FaceHitRepository;
import io.gbgate.storage.object.ObjectStore;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Governance events, their evidence and the face-hit rules. */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    EventRepository eventRepository(DataSource dataSource, Clock clock) {
        return new EventRepository(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    EvidenceRepository evidenceRepository(DataSource dataSource, Clock clock) {
        return new EvidenceRepository(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    FaceHitRepository faceHitRepository(DataSource dataSource, Clock clock) {
        return new FaceHitRepository(dataSource, clock);
    }

    @Bean
    ChannelPositions channelPositions(DataSource dataSource) {
        return new ChannelPositions(dataSource);
    }

    @Bean
    EvidenceUrls evidenceUrls(ObjectStore store, MediaTokenSigner signer, ClipService clips, GbgateProperties props) {
        return new EvidenceUrls(store, signer, clips, props.objectStore().downloadTtl());
    }

    @Bean
    EvidenceObjects evidenceObjects(ObjectStore store, GbgateProperties props) {
        return new EvidenceObjects(store, props.dataDir().resolve("tmp"));
    }

    @Bean(destroyMethod = "close")
    EvidenceTracker evidenceTracker(EvidenceRepository evidence, ClipService clips, WebhookPublisher publisher,
                                    PlatformTransactionManager transactions, Clock clock, EventsProperties props) {
        EvidenceTracker tracker = new EvidenceTracker(evidence, clips, new EvidenceHooks(publisher),
                new TransactionTemplate(transactions), clock);
        tracker.start(props.evidencePollInterval());
        return tracker;
    }

    @Bean
    EventService eventService(EventRepository events, EvidenceRepository evidence, ChannelRepository channels,
                              ChannelPositions positions, EvidenceTracker tracker, WebhookPublisher publisher,
                              EvidenceUrls urls, EvidenceObjects objects, SnapshotService snapshots,
                              PlatformTransactionManager transactions, EventsProperties props,
                              GbgateProperties gbgate, Clock clock) {
        return new EventService(events, evidence, channels, positions, tracker, new EvidenceHooks(publisher), urls,
                objects, snapshots, new TransactionTemplate(transactions), props, gbgate.recording().maxAge(), clock);
    }

    @Bean
    FaceHitService faceHitService(EventsProperties props, ChannelRepository channels, EventRepository events,
                                  EvidenceRepository evidence, FaceHitRepository hits, EventService eventService,
                                  EvidenceObjects objects, WebhookPublisher publisher, EvidenceUrls urls,
                                  PlatformTransactionManager transactions, ObjectMapper objectMapper) {
        return new FaceHitService(props, channels, events, evidence, hits, eventService, objects,
                new EvidenceHooks(publisher), urls, publisher, new TransactionTemplate(transactions), objectMapper);
    }

    @Bean(destroyMethod = "close")
    AlarmEvidence alarmEvidence(EventsProperties props, ChannelRepository channels, EventRepository events,
                                EvidenceRepository evidence, EventService eventService, WebhookPublisher publisher,
                                PlatformTransactionManager transactions, ObjectMapper objectMapper) {
        return new AlarmEvidence(props, channels, events, evidence, eventService, new EvidenceHooks(publisher),
                publisher, new TransactionTemplate(transactions), objectMapper);
    }
}
