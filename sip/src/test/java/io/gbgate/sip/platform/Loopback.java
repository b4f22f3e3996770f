package io.gbgate.sip.platform;

import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.stack.SipTransport;
import io.gbgate.sip.stack.ThreadLeakCheck;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: a platform with short timeouts (query 800 ms, INVITE 1.5 s) and one registered device
 * agent over loopback; {@link #close()} stops both and checks that no thread survived.
 */
final class Loopback implements AutoCloseable {

    final RecordingPlatformListener events = new RecordingPlatformListener();
    final RecordingMediaFactory media = new RecordingMediaFactory();
    private final ThreadLeakCheck threads = ThreadLeakCheck.snapshot();
    final SipPlatform platform;
    SipDeviceAgent device;

    private Loopback() {
        platform = new SipPlatform(GbFixture.platformConfig()
                .withTimeouts(Duration.ofMillis(800), Duration.ofMillis(1500)), events);
        platform.start();
    }

    /** Platform only. */
    static Loopback platformOnly() {
        return new Loopback();
    }

    /** Platform and a device registered over {@code transport}. */
    static Loopback registered(SipTransport transport) throws Exception {
        Loopback loopback = new Loopback();
        try {
            loopback.device = GbFixture.startDevice(GbFixture.deviceConfig(loopback.platform.port(), transport),
                    loopback.media);
            loopback.device.registered().get(15, TimeUnit.SECONDS);
            return loopback;
        } catch (Exception | AssertionError e) {
            loopback.close();
            throw e;
        }
    }

    DeviceCommands commands() {
        return platform.commands();
    }

    @Override
    public void close() throws InterruptedException {
        if (device != null) {
            device.close();
        }
        platform.close();
        threads.assertNoNewNonDaemonThreads();
    }
}
