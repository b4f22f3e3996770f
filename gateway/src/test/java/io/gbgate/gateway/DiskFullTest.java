package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.gateway.recording.RecordingService;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 5, disk full: with less free space than {@code gbgate.recording.min-free-disk} (set far beyond any real
 * disk in this context) recording does not run, the API and the log carry the alarm, and live viewing works.
 */
class DiskFullTest extends GatewayTestBase {
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

    @DynamicPropertySource
    static void diskFull(DynamicPropertyRegistry registry) {
        registry.add("gbgate.recording.min-free-disk", () -> "4096TB");
        LOG.start();
        ((Logger) LoggerFactory.getLogger(RecordingService.class)).addAppender(LOG);
    }

    @Test
    void recordingStopsWithAnAlarmAndLiveViewingGoesOn() throws Exception {
        String[] ids = newIds();
        String channel = ids[1];
        camera(deviceConfig(ids[0], channel, PASSWORD, SipTransport.UDP), testPattern("full", 320, 240));
        Instant start = Instant.now();
        assertThat(api().put("/api/channels/" + channel + "/recording-plan", "{\"mode\":\"always\"}").status())
                .isEqualTo(200);

        JsonNode status = api().get("/api/recording").json();
        assertThat(status.get("alarm").asText()).contains("disk full").contains("min-free-disk")
                .contains("recording stopped");
        assertThat(status.get("minFreeBytes").asLong()).isEqualTo(4096L << 40);
        assertThat(status.get("channels")).isEmpty();
        List<String> errors = LOG.list.stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(errors).anySatisfy(m -> assertThat(m).contains("disk full").contains("recording stopped"));
        // an event cannot be recorded either, and says why
        ApiClient.Response event = api().post("/api/channels/" + channel + "/recording-events", "{\"reason\":\"x\"}");
        assertThat(event.status()).isEqualTo(409);
        assertThat(event.json().get("message").asText()).contains("disk full");

        // live viewing goes on
        ApiClient.Response play = api().post("/api/channels/" + channel + "/play");
        assertThat(play.status()).as(play.body()).isEqualTo(200);
        HlsProbe.Result live = HlsProbe.play(api(), play.json().get("hls").asText(), 50, Duration.ofSeconds(30));
        assertThat(live.width()).isEqualTo(320);

        // after a few reconcile rounds still nothing recorded, the alarm stays
        Thread.sleep(3000);
        assertThat(api().get("/api/channels/" + channel + "/recordings?from=" + start.minusSeconds(60) + "&to="
                + Instant.now().plusSeconds(60)).json().get("ranges")).isEmpty();
        assertThat(api().get("/api/recording").json().get("alarm").asText()).contains("disk full");
        assertThat(api().get("/api/recording").json().get("writer").get("segmentsWritten").asLong()).isZero();
        api().delete("/api/channels/" + channel + "/play");
    }
}
