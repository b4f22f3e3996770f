package io.gbgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * The one Netty leak check of the test suites: {@code @ExtendWith(NettyLeakGuard.class)} turns leak
 * detection to PARANOID before a test class and, after it (after its own {@code @AfterAll} methods),
 * collects garbage and fails the class if the leak detector reported a LEAK meanwhile.
 */
public final class NettyLeakGuard implements BeforeAllCallback, AfterAllCallback {
    private static final ListAppender<ILoggingEvent> LEAK_LOG = new ListAppender<>();
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NettyLeakGuard.class);
    private static final String FIRST_REPORT = "first-report";

    static {
        Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
        LEAK_LOG.start();
        logger.addAppender(LEAK_LOG);
    }

    /** For JUnit. */
    public NettyLeakGuard() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        context.getStore(NAMESPACE).put(FIRST_REPORT, reportCount());
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        int first = context.getStore(NAMESPACE).getOrDefault(FIRST_REPORT, Integer.class, 0);
        assertThat(leakReportsSince(first)).as("Netty leak reports during " + context.getDisplayName()).isEmpty();
    }

    /**
     * Collects garbage, lets the detector poll its reference queue (it does so on allocation, pooled and
     * unpooled), and returns the LEAK reports logged from report number {@code first} on.
     */
    private static List<String> leakReportsSince(int first) throws InterruptedException {
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 32; i++) {
                ByteBuf pooled = PooledByteBufAllocator.DEFAULT.buffer(16);
                pooled.release();
                ByteBuf unpooled = UnpooledByteBufAllocator.DEFAULT.buffer(16);
                unpooled.release();
            }
        }
        synchronized (LEAK_LOG) { // AppenderBase appends under the appender's lock
            return LEAK_LOG.list.subList(Math.min(first, LEAK_LOG.list.size()), LEAK_LOG.list.size()).stream()
                    .map(ILoggingEvent::getFormattedMessage)
                    .filter(message -> message.contains("LEAK"))
                    .toList();
        }
    }

    private static int reportCount() {
        synchronized (LEAK_LOG) {
            return LEAK_LOG.list.size();
        }
    }
}
