package io.gbgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gbgate.sip.stack.SipTransport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /api/channels}: every device's channels found by part of their name or ID, page by page. */
class ChannelSearchApiTest extends GatewayTestBase {

    @Test
    void channelsOfAllDevicesAreSearchedAndPaged() throws Exception {
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] ids = newIds();
            camera(deviceConfig(ids[0], ids[1], PASSWORD, SipTransport.UDP), testPattern("search" + i, 160, 120));
            ours.add(ids[1]);
        }

        JsonNode one = api().get("/api/channels?q=" + ours.get(1)).json();
        assertThat(one.get("channels")).singleElement()
                .satisfies(channel -> assertThat(channel.get("channelId").asText()).isEqualTo(ours.get(1)));
        assertThat(one.hasNonNull("next")).as("one page").isFalse();
        assertThat(api().get("/api/channels?q=CAMERA%20" + ours.get(2)).json().get("channels"))
                .as("by name, any case").hasSize(1);

        List<String> seen = new ArrayList<>();
        String next = "";
        for (int pages = 0; pages < 1000 && next != null; pages++) {
            JsonNode page = api().get("/api/channels?limit=2" + (next.isEmpty() ? "" : "&after=" + next)).json();
            assertThat(page.get("channels").size()).isLessThanOrEqualTo(2);
            page.get("channels").forEach(channel -> seen.add(channel.get("channelId").asText()));
            next = page.hasNonNull("next") ? page.get("next").asText() : null;
        }
        assertThat(seen).as("every channel once, in order").containsAll(ours).doesNotHaveDuplicates().isSorted();

        assertThat(api().get("/api/channels?limit=0").status()).isEqualTo(400);
        assertThat(api().get("/api/channels?limit=5000").status()).isEqualTo(400);
        ApiClient.Response badCursor = api().get("/api/channels?after=nonsense");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.body()).contains("cursor");
        assertThat(api().get("/api/channels?q=" + "x".repeat(65)).status()).isEqualTo(400);
        assertThat(api().get("/api/channels?q=%25%25").json().get("channels")).as("% is literal").isEmpty();
        assertThat(api().getWithoutToken("/api/channels").status()).isEqualTo(401);
    }
}
