package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.SipDeviceAgent;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.stack.SipTransport;
import io.gbgate.sip.stack.ThreadLeakCheck;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sip.header.WarningHeader;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad MESSAGE bodies from a registered device are refused and change nothing. */
class MalformedManscdpTest {

    private static final String NEW_CHANNEL = "34020000001310000099";

    private final RecordingPlatformListener events = new RecordingPlatformListener();
    private ThreadLeakCheck threads;
    private SipPlatform platform;
    private SipDeviceAgent device;
    private RawUdpSipClient raw;

    @BeforeEach
    void registerDevice() throws Exception {
        threads = ThreadLeakCheck.snapshot();
        platform = new SipPlatform(GbFixture.platformConfig().withMaxMessageSize(8 * 1024), events);
        platform.start();
        device = GbFixture.startDevice(GbFixture.deviceConfig(platform.port(), SipTransport.UDP),
                new RecordingMediaFactory());
        device.registered().get(15, TimeUnit.SECONDS);
        Await.until("catalog", () -> platform.channels(DEVICE_ID).size() == GbFixture.CHANNELS);
        Await.until("device info", () -> events.deviceInfos.size() == 1);
        raw = new RawUdpSipClient();
    }

    @AfterEach
    void closeAll() throws InterruptedException {
        raw.close();
        device.close();
        platform.close();
        threads.assertNoNewNonDaemonThreads();
    }

    @Test
    void truncatedCatalogXmlIsAnswered400WithWarningAndTheCatalogStaysAsItWas() throws Exception {
        String body = "<?xml version=\"1.0\" encoding=\"GB2312\"?>\r\n<Response><CmdType>Catalog</CmdType>"
                + "<SN>77</SN><DeviceID>" + DEVICE_ID + "</DeviceID><SumNum>8</SumNum><DeviceList Num=\"1\">"
                + "<Item><DeviceID>" + NEW_CHANNEL + "</DeviceID><Name>intruder</Name></Item>";
        List<CatalogItem> before = platform.channels(DEVICE_ID);
        RegisteredDevice registration = platform.device(DEVICE_ID).orElseThrow();
        int catalogCalls = events.catalogs.size();

        Response response = raw.exchange(raw.manscdpMessage(DEVICE_ID, platform.port(),
                body.getBytes(StandardCharsets.US_ASCII)), platform.port());

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getReasonPhrase()).startsWith("Bad MANSCDP body");
        assertThat(((WarningHeader) response.getHeader(WarningHeader.NAME)).getText()).startsWith("Bad MANSCDP body");
        assertThat(platform.channels(DEVICE_ID)).isEqualTo(before);
        assertThat(events.catalogs).hasSize(catalogCalls);
        RegisteredDevice after = platform.device(DEVICE_ID).orElseThrow();
        assertThat(after.registeredAt()).isEqualTo(registration.registeredAt());
        assertThat(after.remotePort()).isEqualTo(registration.remotePort());
        assertThat(after.online()).isTrue();
    }

    @Test
    void externalEntityIsRejectedWithoutBeingResolved() throws Exception {
        try (ServerSocket bait = new ServerSocket()) {
            bait.bind(new InetSocketAddress(GbFixture.HOST, 0));
            bait.setSoTimeout(300);
            String body = "<?xml version=\"1.0\"?>\r\n<!DOCTYPE Notify [<!ENTITY xxe SYSTEM \"http://127.0.0.1:"
                    + bait.getLocalPort() + "/xxe\">]>\r\n<Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                    + "<DeviceID>&xxe;</DeviceID><Status>OK</Status></Notify>";

            Response response = raw.exchange(raw.manscdpMessage(DEVICE_ID, platform.port(),
                    body.getBytes(StandardCharsets.US_ASCII)), platform.port());

            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThatThrownBy(bait::accept).as("the entity URL was never fetched")
                    .isInstanceOf(SocketTimeoutException.class);
        }
    }

    private void stopKeepalivesAndSettle() throws Exception {
        device.stopKeepalive();
        int seen = -1;
        while (seen != events.keepalives.size()) {
            seen = events.keepalives.size();
            Thread.sleep(250);
        }
    }

    @Test
    void messageFromUnregisteredDeviceIsForbidden() throws Exception {
        String stranger = "34020000001320000777";
        String body = "<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN><DeviceID>" + stranger
                + "</DeviceID><Status>OK</Status></Notify>";

        Response response = raw.exchange(raw.manscdpMessage(stranger, platform.port(),
                body.getBytes(StandardCharsets.US_ASCII)), platform.port());

        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(response.getReasonPhrase()).isEqualTo("Device not registered");
        assertThat(platform.device(stranger)).isEmpty();
    }

    @Test
    void bodyAboveMaxMessageSizeIsRefusedBeforeItIsDecoded() throws Exception {
        stopKeepalivesAndSettle();
        int keepalives = events.keepalives.size();
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><Notify><CmdType>Keepalive</CmdType><SN>1</SN>"
                + "<DeviceID>" + DEVICE_ID + "</DeviceID><Status>OK</Status><Info>");
        body.append("x".repeat(10 * 1024)).append("</Info></Notify>");

        Response response = raw.exchange(raw.manscdpMessage(DEVICE_ID, platform.port(),
                body.toString().getBytes(StandardCharsets.US_ASCII)), platform.port());

        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(400);
        assertThat(response.getReasonPhrase()).contains("content length");
        assertThat(events.keepalives).hasSize(keepalives);
    }
}
