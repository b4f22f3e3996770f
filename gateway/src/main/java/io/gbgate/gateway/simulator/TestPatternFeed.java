package io.gbgate.gateway.simulator;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.source.TestPatternConfig;
import io.gbgate.media.source.TestPatternSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** A live-encoded moving test pattern with the camera name and a clock burned in. */
public final class TestPatternFeed implements CameraFeed {
    private final TestPatternConfig config;
    private final ScheduledExecutorService scheduler;
    private TestPatternSource source;

    public TestPatternFeed(TestPatternConfig config, ScheduledExecutorService scheduler) {
        this.config = config;
        this.scheduler = scheduler;
    }

    @Override
    public synchronized void start(Consumer<AccessUnit> consumer) {
        if (source != null) {
            throw new IllegalStateException("already started");
        }
        source = new TestPatternSource(config, scheduler, consumer);
        source.start();
    }

    @Override
    public synchronized void close() {
        if (source != null) {
            source.close();
            source = null;
        }
    }
}
