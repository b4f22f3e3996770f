package io.gbgate.sip.platform;

import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.stack.SipTransport;
import io.gbgate.sip.stack.ThreadLeakCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A platform on loopback and, once {@link #register registered}, the fixture's device agent talking to it; both
 * recorded ({@link #events}, {@link #media}) and closed after each test, which then fails if a non-daemon
 * thread outlived them. Use as an instance field with {@code @RegisterExtension}.
 */
final class PlatformAndDevice implements AfterEachCallback {
    final RecordingPlatformListener events = new RecordingPlatformListener();
    final RecordingMediaFactory media = new RecordingMediaFactory();
    private final ThreadLeakCheck threads = ThreadLeakCheck.snapshot();
    private SipPlatform platform;
    private SipDeviceAgent device;

    /** Starts the platform alone (no device registers). */
    SipPlatform startPlatform() {
        platform = new SipPlatform(GbFixture.platformConfig(), events);
        platform.start();
        return platform;
    }

    /** Starts the platform and registers the device agent to it over {@code transport}. */
    void register(SipTransport transport) throws Exception {
        startPlatform();
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), transport), media);
        device.registered().get(15, TimeUnit.SECONDS);
    }

    SipPlatform platform() {
        return platform;
    }

    SipDeviceAgent device() {
        return device;
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        if (device != null) {
            device.close();
        }
        if (platform != null) {
            platform.close();
        }
        threads.assertNoNewNonDaemonThreads();
    }
}
