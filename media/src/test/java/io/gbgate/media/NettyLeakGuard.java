package io.gbgate.media;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Turns Netty leak detection to PARANOID and captures what the leak detector logs, so tests can
 * assert silence. As a JUnit extension ({@code @ExtendWith(NettyLeakGuard.class)}) it does both
 * around a test class.
 */
public final class NettyLeakGuard implements BeforeAllCallback, AfterAllCallback {
    private static final ListAppender<ILoggingEvent> LEAK_LOG = new ListAppender<>();

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
        install();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        assertNoLeaks();
    }

    public static void install() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    /** Collects garbage, lets the detector poll its queue by allocating, and asserts no LEAK was reported. */
    public static void assertNoLeaks() throws InterruptedException {
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(20);
            for (int j = 0; j < 8; j++) {
                ByteBuf probe = PooledByteBufAllocator.DEFAULT.buffer(16);
                probe.release();
            }
        }
        List<String> leaks = LEAK_LOG.list.stream()
                .map(ILoggingEvent::getFormattedMessage)
                .filter(message -> message.contains("LEAK"))
                .toList();
        assertThat(leaks).as("Netty leak reports").isEmpty();
    }
}
