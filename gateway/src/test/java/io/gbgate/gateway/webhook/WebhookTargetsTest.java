package io.gbgate.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Target validation, signatures and backoff without a gateway. */
class WebhookTargetsTest {

    private final WebhookTargets strict = new WebhookTargets(false);

    @Test
    void loopbackLinkLocalAndUnspecifiedTargetsAreRefusedUnlessAllowed() {
        assertThatThrownBy(() -> strict.check("http://127.0.0.1:8080/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("http://localhost/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("http://[::1]/hook")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("http://169.254.169.254/latest/meta-data"))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.check("http://[fe80::1]/hook")).hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.check("http://0.0.0.0/hook")).hasMessageContaining("unspecified");
        assertThatThrownBy(() -> strict.check("http://224.0.0.1/hook")).hasMessageContaining("multicast");
        assertThatThrownBy(() -> strict.check("file:///etc/passwd")).hasMessageContaining("http or https");
        assertThatThrownBy(() -> strict.check("http://user:pw@203.0.113.7/")).hasMessageContaining("user info");
        assertThatThrownBy(() -> strict.check("http://exa mple.com/")).hasMessageContaining("not a valid URI");
        assertThatThrownBy(() -> strict.check(" ")).hasMessageContaining("missing");

        assertThat(strict.check("https://203.0.113.7:8443/hooks").getPort()).isEqualTo(8443);
        assertThat(new WebhookTargets(true).check("http://127.0.0.1:8080/hook").getHost()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> new WebhookTargets(true).check("http://224.0.0.1/"))
                .hasMessageContaining("multicast");
    }

    @Test
    void signatureIsHexHmacOverTimestampDotBody() {
        // computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac key
        assertThat(WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}"))
                .isEqualTo("a438e398bfafc57e4396bb7fc2304422f0f768e965d073ca313cb52e22e6ad03");
        assertThat(WebhookSignature.sign("key", 1_700_000_001L, "{\"a\":1}"))
                .isNotEqualTo(WebhookSignature.sign("key", 1_700_000_000L, "{\"a\":1}"));
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        WebhooksProperties props = new WebhooksProperties(false, Duration.ofSeconds(2), Duration.ofSeconds(30), 5,
                Duration.ofSeconds(10), Duration.ofSeconds(1), 2);
        assertThat(props.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(props.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(props.backoffAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(props.backoffAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(props.backoffAfter(1000)).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new WebhooksProperties(false, Duration.ZERO, Duration.ofSeconds(1), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1)).hasMessageContaining("backoff");
    }
}
