package io.gbgate.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Vectors: RFC 2617 section 3.5, and GB28181-style REGISTER values computed independently with Python hashlib. */
class DigestCalculatorTest {

    static final String RFC_NONCE = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    @Test
    void rfc2617Section35Example() {
        DigestCredentials credentials = new DigestCredentials("Mufasa", "testrealm@host.com", RFC_NONCE,
                "/dir/index.html", "6629fae49393a05397450978507c4ef1", null, "auth", "00000001", "0a4f113b",
                "5ccc069c403ebaf9f0171e9517f40e41");

        assertThat(DigestCalculator.ha1("Mufasa", "testrealm@host.com", "Circle Of Life"))
                .isEqualTo("939e7578ed9e3c518a452acee763bce9");
        assertThat(DigestCalculator.ha2("GET", "/dir/index.html")).isEqualTo("39aff3a2bab6126f332b942af96d3366");
        assertThat(DigestCalculator.expectedResponse(credentials, "GET", "Circle Of Life"))
                .isEqualTo("6629fae49393a05397450978507c4ef1");
        assertThat(DigestCalculator.verify(credentials, "GET", "Circle Of Life")).isTrue();
        assertThat(DigestCalculator.verify(credentials, "GET", "circle of life")).isFalse();
        assertThat(DigestCalculator.verify(credentials, "POST", "Circle Of Life")).isFalse();
    }

    @Test
    void legacyDigestWithoutQop() {
        String ha1 = DigestCalculator.ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestCalculator.ha2("GET", "/dir/index.html");

        assertThat(DigestCalculator.response(ha1, RFC_NONCE, ha2)).isEqualTo("670fd8c2df070c60b045671b8b24ff02");
    }

    @Test
    void gbRegisterWithoutQopVerifies() {
        DigestCredentials credentials = new DigestCredentials("34020000001320000001", "3402000000", "9bd055",
                "sip:34020000002000000001@3402000000", "44AC5FD979560C6DA6CEC866A439BD48", "MD5", null, null, null,
                null);

        assertThat(DigestCalculator.verify(credentials, "REGISTER", "12345678")).isTrue();
        assertThat(DigestCalculator.verify(credentials, "REGISTER", "87654321")).isFalse();
    }

    @Test
    void deviceAnswersAQopChallengeAndThePlatformVerifiesIt() {
        DigestChallenge challenge = DigestChallenge.md5Auth("3402000000", "9bd055", false);

        DigestCredentials credentials = DigestCalculator.authorize(challenge, "34020000001320000001", "12345678",
                "REGISTER", "sip:34020000002000000001@3402000000", "c0ffee", 2);

        assertThat(credentials.nc()).isEqualTo("00000002");
        assertThat(credentials.qop()).isEqualTo("auth");
        assertThat(credentials.response()).isEqualTo("a558f98646e5df3d7a58dc8bacf939d7");
        assertThat(DigestCalculator.verify(credentials, "REGISTER", "12345678")).isTrue();
    }

    @Test
    void deviceAnswersALegacyChallenge() {
        DigestChallenge challenge = new DigestChallenge("3402000000", "9bd055", null, null, null, false);

        DigestCredentials credentials = DigestCalculator.authorize(challenge, "34020000001320000001", "12345678",
                "REGISTER", "sip:34020000002000000001@3402000000", "ignored", 1);

        assertThat(credentials.qop()).isNull();
        assertThat(credentials.response()).isEqualTo("44ac5fd979560c6da6cec866a439bd48");
    }

    @Test
    void otherAlgorithmsAreRejected() {
        DigestCredentials sha256 = new DigestCredentials("u", "r", "n", "sip:x", "00", "SHA-256", null, null, null,
                null);
        DigestChallenge md5Sess = new DigestChallenge("r", "n", "MD5-sess", "auth", null, false);

        assertThatThrownBy(() -> DigestCalculator.verify(sha256, "REGISTER", "p"))
                .isInstanceOf(DigestAuthException.class).hasMessageContaining("SHA-256").hasMessageContaining("MD5");
        assertThatThrownBy(() -> DigestCalculator.authorize(md5Sess, "u", "p", "REGISTER", "sip:x", "c", 1))
                .isInstanceOf(DigestAuthException.class).hasMessageContaining("MD5-sess");
    }

    @Test
    void authIntAndIncompleteQopAreRejected() {
        DigestCredentials authInt = new DigestCredentials("u", "r", "n", "sip:x", "00", null, "auth-int",
                "00000001", "c", null);
        DigestCredentials noCnonce = new DigestCredentials("u", "r", "n", "sip:x", "00", null, "auth", "00000001",
                null, null);
        DigestChallenge authIntOnly = new DigestChallenge("r", "n", null, "auth-int", null, false);

        assertThatThrownBy(() -> DigestCalculator.verify(authInt, "REGISTER", "p"))
                .isInstanceOf(DigestAuthException.class).hasMessageContaining("auth-int");
        assertThatThrownBy(() -> DigestCalculator.verify(noCnonce, "REGISTER", "p"))
                .isInstanceOf(DigestAuthException.class).hasMessageContaining("cnonce");
        assertThatThrownBy(() -> DigestCalculator.authorize(authIntOnly, "u", "p", "REGISTER", "sip:x", "c", 1))
                .isInstanceOf(DigestAuthException.class).hasMessageContaining("auth-int");
    }
}
