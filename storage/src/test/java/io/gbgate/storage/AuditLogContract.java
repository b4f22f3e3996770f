package io.gbgate.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AuditLog} behaviour shared by every database variant. */
interface AuditLogContract extends StorageFixture {

    String STREAM = "34020000001320000001_34020000001310000001";
    Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    default void recentListsTheNewestEntriesOfATargetFirst() {
        long first = audit().record(AuditEntry.of(T0, "alice", AuditEntry.PLAY_START, STREAM, "10.1.1.1", null));
        long second = audit().record(AuditEntry.of(T0.plusSeconds(60), "alice", AuditEntry.PLAY_STOP, STREAM,
                "10.1.1.1", "watched 60 s"));
        long sameTime = audit().record(AuditEntry.of(T0.plusSeconds(60), "bob", AuditEntry.PLAY_START, STREAM,
                "10.1.1.2", null));
        long older = audit().record(AuditEntry.of(T0.minusSeconds(3600), "carol", AuditEntry.PLAY_START, STREAM,
                null, null));
        audit().record(AuditEntry.of(T0.plusSeconds(120), "alice", AuditEntry.API_ACCESS, "other", null, null));

        assertThat(List.of(first, second, sameTime, older)).doesNotHaveDuplicates();
        List<AuditEntry> recent = audit().recent(STREAM, 3);
        assertThat(recent).extracting(AuditEntry::id).containsExactly(sameTime, second, first);
        assertThat(recent.get(1)).isEqualTo(new AuditEntry(second, T0.plusSeconds(60), "alice",
                AuditEntry.PLAY_STOP, STREAM, "10.1.1.1", "watched 60 s"));
        assertThat(audit().recent(STREAM, 10)).extracting(AuditEntry::id)
                .containsExactly(sameTime, second, first, older);
        assertThat(audit().recent("nobody", 10)).isEmpty();
    }

    @Test
    default void betweenIsHalfOpenAndOldestFirst() {
        audit().record(AuditEntry.of(T0.minusMillis(1), "a", AuditEntry.API_ACCESS, "/api/devices", null, null));
        long atStart = audit().record(AuditEntry.of(T0, "b", AuditEntry.API_ACCESS, "/api/devices", null, null));
        long inside = audit().record(AuditEntry.of(T0.plusSeconds(10), "观察员", AuditEntry.PLAY_START, STREAM,
                null, "查看南门录像"));
        audit().record(AuditEntry.of(T0.plusSeconds(60), "d", AuditEntry.API_ACCESS, "/api/devices", null, null));

        List<AuditEntry> window = audit().between(T0, T0.plusSeconds(60));
        assertThat(window).extracting(AuditEntry::id).containsExactly(atStart, inside);
        assertThat(window.get(1).principal()).isEqualTo("观察员");
        assertThat(window.get(1).detail()).isEqualTo("查看南门录像");
        assertThat(audit().between(T0, T0.plusSeconds(60), 1)).extracting(AuditEntry::id).containsExactly(atStart);
    }

    @Test
    default void invalidAuditInputIsRejected() {
        assertThatThrownBy(() -> AuditEntry.of(T0, null, "play start", STREAM, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("upper-case code");
        assertThatThrownBy(() -> audit().recent(STREAM, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit().between(T0, T0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
