package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The actuator on the gateway's port: health without a token, Prometheus metrics only with it, and the
 * gateway's own meters following what really happens (a device registers, a stream plays, a viewer leaves).
 */
class MetricsTest extends GatewayTestBase {

    @Test
    void healthIsOpenAndMetricsNeedTheApiToken() {
        ApiClient.Response health = api().getWithoutToken("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("no details without a token").isFalse();

        assertThat(api().getWithoutToken("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(api().withToken("/actuator/prometheus", "wrong").status()).isEqualTo(401);
        assertThat(api().getWithoutToken("/actuator").status()).isEqualTo(401);
        assertThat(api().getWithoutToken("/actuator/env").status()).as("not even whether it exists").isEqualTo(401);
        assertThat(api().get("/actuator/env").status()).as("not exposed").isEqualTo(404);

        String metrics = api().get("/actuator/prometheus").body();
        assertThat(metrics).contains("jvm_memory_used_bytes", "gbgate_rtp_dropped_total{reason=\"unknown_ssrc\"}",
                "gbgate_webhook_deliveries{state=\"dead\"}", "gbgate_recording_disk_free_bytes");
    }

    @Test
    void gatewayMetersFollowDevicesStreamsAndViewers() throws Exception {
        double onlineBefore = value("gbgate_devices{state=\"online\"}");
        double liveBefore = value("gbgate_streams{kind=\"live\"}");
        double viewersBefore = value("gbgate_stream_viewers");
        String[] ids = newIds();
        camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("metrics", 160, 120));
        assertThat(value("gbgate_devices{state=\"online\"}")).isEqualTo(onlineBefore + 1);

        JsonNode play = api().post("/api/channels/" + ids[1] + "/play").json();
        assertThat(value("gbgate_streams{kind=\"live\"}")).isEqualTo(liveBefore + 1);
        assertThat(value("gbgate_stream_viewers")).isEqualTo(viewersBefore + 1);
        assertThat(value("gbgate_rtp_registrations")).isGreaterThanOrEqualTo(1);

        assertThat(api().delete("/api/channels/" + ids[1] + "/play?viewerId=" + play.get("viewerId").asText())
                .status()).isEqualTo(204);
        assertThat(value("gbgate_stream_viewers")).isEqualTo(viewersBefore);
        api().delete("/api/channels/" + ids[1] + "/play");
        Awaiting.until(Duration.ofSeconds(10), "the stream is gone from the meters",
                () -> value("gbgate_streams{kind=\"live\"}") == liveBefore);
    }

    /** The value of the sample named exactly {@code series} (name plus labels) in the Prometheus text. */
    private double value(String series) {
        String body = api().get("/actuator/prometheus").body();
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(body);
        assertThat(sample.find()).as("%s in%n%s", series, body).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
