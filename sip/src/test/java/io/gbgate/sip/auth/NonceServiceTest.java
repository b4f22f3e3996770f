package io.gbgate.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NonceServiceTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final ManualClock clock = new ManualClock();
    final NonceService service = new NonceService(KEY, Duration.ofMinutes(5), clock);

    @Test
    void freshNonceIsValidAndNoncesDiffer() {
        String nonce = service.issue();

        assertThat(service.check(nonce)).isEqualTo(NonceStatus.VALID);
        assertThat(service.issue()).isNotEqualTo(nonce);
        assertThat(nonce).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void nonceBecomesStaleAfterExpiry() {
        String nonce = service.issue();

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(service.check(nonce)).isEqualTo(NonceStatus.VALID);
        clock.now = clock.now.plusMillis(1);
        assertThat(service.check(nonce)).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void tamperedNonceIsInvalid() {
        String nonce = service.issue();
        char[] chars = nonce.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A'; // inside the timestamp

        assertThat(service.check(new String(chars))).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void nonceOfAnotherKeyIsInvalid() {
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        String foreign = new NonceService(otherKey, Duration.ofMinutes(5), clock).issue();

        assertThat(service.check(foreign)).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void garbageIsInvalidNotAnException() {
        assertThat(service.check(null)).isEqualTo(NonceStatus.INVALID);
        assertThat(service.check("")).isEqualTo(NonceStatus.INVALID);
        assertThat(service.check("not base64 !!")).isEqualTo(NonceStatus.INVALID);
        assertThat(service.check("AAAA")).isEqualTo(NonceStatus.INVALID);
        assertThat(service.check("x".repeat(10_000))).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void weakConfigurationIsRefused() {
        assertThatThrownBy(() -> new NonceService(new byte[8], Duration.ofMinutes(5), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NonceService(KEY, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
