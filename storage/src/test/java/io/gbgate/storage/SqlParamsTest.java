package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SqlParamsTest {

    @Test
    void fitKeepsShortTextAndNulls() {
        assertThat(SqlParams.fit(null, 4)).isNull();
        assertThat(SqlParams.fit("东门", 4)).isEqualTo("东门");
        assertThat(SqlParams.fit("abcd", 4)).isEqualTo("abcd");
    }

    @Test
    void fitCutsLongTextWithoutSplittingASurrogatePair() {
        assertThat(SqlParams.fit("abcdef", 4)).isEqualTo("abcd");
        String camera = "\uD83C\uDFA5";
        assertThat(SqlParams.fit("abc" + camera, 4)).isEqualTo("abc");
        assertThat(SqlParams.fit("ab" + camera + "d", 4)).isEqualTo("ab" + camera);
    }

    @Test
    void instantsAreStoredAtUtcWithMicrosecondPrecision() {
        OffsetDateTime stored = SqlParams.toSql(Instant.parse("2026-11-23T10:15:30.123456789Z"));
        assertThat(stored).isEqualTo(OffsetDateTime.of(2026, 11, 23, 10, 15, 30, 123_456_000, ZoneOffset.UTC));
        assertThat(SqlParams.toSql(null)).isNull();
    }
}
