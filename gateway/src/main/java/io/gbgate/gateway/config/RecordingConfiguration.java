package io.gbgate.gateway.config;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.recording.RecordingService;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.storage.object.LocalFileObjectStore;
import io.gbgate.storage.object.ObjectStore;
import io.gbgate.storage.object.RetryPolicy;
import io.gbgate.storage.object.RetryingUploader;
import io.gbgate.storage.object.S3ObjectStore;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.storage.clip.ClipExporter;
import io.gbgate.storage.clip.ClipJobs;
import io.gbgate.storage.clip.ClipRepository;
import io.gbgate.storage.recording.RecordingIndex;
import io.gbgate.storage.recording.RecordingPlanRepository;
import io.gbgate.storage.recording.RetentionJob;
import io.gbgate.storage.recording.RetentionPolicy;
import io.gbgate.storage.recording.SegmentLeases;
import io.gbgate.storage.recording.SegmentWriter;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Recording, retention, recorded playback and clip export. */
@Configuration(proxyBeanMethods = false)
public class RecordingConfiguration {
    /** Segments queued for the disk writer at most, and their bytes: beyond that, segments are dropped and counted. */
    private static final int MAX_QUEUED_SEGMENTS = 256;
    private static final long MAX_QUEUED_BYTES = 256L << 20;

    @Bean
    @DependsOnDatabaseInitialization
    RecordingIndex recordingIndex(DataSource dataSource, Clock clock) {
        return new RecordingIndex(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    RecordingPlanRepository recordingPlanRepository(DataSource dataSource, Clock clock) {
        return new RecordingPlanRepository(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ClipRepository clipRepository(DataSource dataSource, Clock clock) {
        return new ClipRepository(dataSource, clock);
    }

    @Bean
    SegmentLeases segmentLeases() {
        return new SegmentLeases();
    }

    @Bean(destroyMethod = "close")
    SegmentWriter segmentWriter(GbgateProperties props, RecordingIndex index, Clock clock) {
        return new SegmentWriter(props.dataDir(), index, PooledByteBufAllocator.DEFAULT, clock, MAX_QUEUED_SEGMENTS,
                MAX_QUEUED_BYTES);
    }

    @Bean
    RetentionJob retentionJob(GbgateProperties props, RecordingIndex index, SegmentLeases leases, Clock clock) {
        GbgateProperties.Recording r = props.recording();
        long quota = r.quota().toBytes() == 0 ? Long.MAX_VALUE : r.quota().toBytes(); // 0: no quota
        return new RetentionJob(props.dataDir(), index, leases, new RetentionPolicy(r.maxAge(), quota), clock);
    }

    @Bean(destroyMethod = "close")
    RecordingService recordingService(GbgateProperties props, EventRecordingProperties events,
                                      RecordingPlanRepository plans, SegmentWriter writer, StreamService streams,
                                      RetentionJob retention, Clock clock, ScheduledExecutorService gatewayScheduler) {
        return new RecordingService(props.recording(), events, plans, writer, streams, retention, props.dataDir(),
                clock, ZoneId.systemDefault(), gatewayScheduler);
    }

    @Bean(destroyMethod = "close")
    ClipJobs clipJobs(GbgateProperties props, ClipRepository clips, RecordingIndex index, SegmentLeases leases) {
        return new ClipJobs(clips, new ClipExporter(props.dataDir(), index, leases),
                props.clips().workers(), props.clips().maxQueued());
    }

    @Bean
    ObjectStore objectStore(GbgateProperties props) {
        GbgateProperties.ObjectStore cfg = props.objectStore();
        return switch (cfg.type().trim().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> new LocalFileObjectStore(props.dataDir().resolve("objects"));
            case "s3" -> new S3ObjectStore(required(cfg.endpoint(), "endpoint"), required(cfg.accessKey(), "access-key"),
                    required(cfg.secretKey(), "secret-key"), cfg.bucket(), cfg.region());
            default -> throw new IllegalArgumentException("gbgate.object-store.type must be local or s3, was " + cfg.type());
        };
    }

    @Bean(destroyMethod = "close")
    RetryingUploader retryingUploader(ObjectStore store) {
        return new RetryingUploader(store, RetryPolicy.defaults(), 2, RetryingUploader.AfterUpload.DELETE_LOCAL_FILE);
    }

    @Bean
    ClipService clipService(GbgateProperties props, ClipJobs jobs, ClipRepository clips, ObjectStore store,
                            RetryingUploader uploader, MediaTokenSigner signer) {
        ClipService service = new ClipService(jobs, clips, store, uploader, props.dataDir(), signer,
                props.objectStore().downloadTtl());
        service.resume();
        return service;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("gbgate.object-store." + name + " is required for type s3");
        }
        return value;
    }
}
