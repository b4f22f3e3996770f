package io.gbgate.gateway.snapshot;

import io.gbgate.gateway.event.EventsProperties;
import io.gbgate.gateway.stream.StreamService;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Live snapshots. */
@Configuration(proxyBeanMethods = false)
public class SnapshotConfiguration {

    /** Decodes snapshots (FFmpeg + JPEG), one at a time to spare the CPU. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService snapshotDecoder() {
        return Executors.newSingleThreadExecutor(new DefaultThreadFactory("snapshot-decode", true));
    }

    @Bean
    SnapshotService snapshotService(StreamService streams, ExecutorService snapshotDecoder, Clock clock,
                                    EventsProperties props) {
        return new SnapshotService(streams, snapshotDecoder, clock, props.snapshotCacheTtl(), props.snapshotTimeout());
    }
}
