package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import org.slf4j.LoggerFactory;

/**
 * Turns Netty leak detection to PARANOID and captures what the leak detector logs, so a test can
 * fail on a leaked buffer instead of only printing "LEAK:".
 */
final class LeakWatch {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger detectorLogger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);

    private LeakWatch() {
    }

    static LeakWatch start() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        LeakWatch watch = new LeakWatch();
        watch.appender.start();
        watch.detectorLogger.addAppender(watch.appender);
        return watch;
    }

    /** Collects garbage, makes the detector poll its queue, and asserts nothing leaked. */
    void assertNoLeaks() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 64; i++) {
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.buffer(16);
                pooled.release();
                ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.buffer(16);
                unpooled.release();
            }
        }
        detectorLogger.detachAppender(appender);
        assertThat(appender.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(message -> message.contains("LEAK"));
    }
}
