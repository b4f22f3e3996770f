package io.gbgate.media.ps;

import io.gbgate.media.AccessUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands an access unit to the demuxer's consumer and releases the demuxer's reference afterwards.
 * A consumer exception is logged and counted rather than allowed to corrupt the parser state.
 * Once the demuxer is closed nothing reaches the consumer any more.
 */
final class AccessUnitDelivery {
    private static final Logger log = LoggerFactory.getLogger(AccessUnitDelivery.class);

    private final Consumer<AccessUnit> consumer;
    private final DemuxCounters counters;
    private boolean stopped;

    AccessUnitDelivery(Consumer<AccessUnit> consumer, DemuxCounters counters) {
        this.consumer = consumer;
        this.counters = counters;
    }

    /** Units delivered after this are released without reaching the consumer. */
    void stop() {
        stopped = true;
    }

    void deliver(AccessUnit unit) {
        if (stopped) {
            unit.release();
            return;
        }
        try {
            consumer.accept(unit);
        } catch (RuntimeException e) {
            counters.consumerFailures++;
            log.warn("access unit consumer failed on {} pts {}", unit.codec(), unit.pts(), e);
        } finally {
            unit.release();
        }
    }
}
