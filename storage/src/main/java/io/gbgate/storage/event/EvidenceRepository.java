package io.gbgate.storage.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The evidence of events ({@code event_evidence}). State changes are conditional on the item still being pending,
 * so that exactly one caller sees each transition (and announces it). Writes join the caller's Spring transaction
 * when there is one. Safe for concurrent use.
 */
public final class EvidenceRepository {

    /** Longest stored reason. */
    public static final int REASON_LENGTH = 2000;
    /** Longest stored detail JSON. */
    public static final int DETAIL_LENGTH = 4000;

    private static final String COLUMNS = "id, event_id, kind, channel_id, state, range_from, range_to, not_before,"
            + " clip_id, object_key, external_url, reason, detail, captured_at, created_at, updated_at";
    private static final String INSERT = """
            INSERT INTO event_evidence (id, event_id, kind, channel_id, state, range_from, range_to, not_before,
                                        object_key, external_url, detail, captured_at, created_at, updated_at)
            VALUES (:id, :eventId, :kind, :channelId, :state, :from, :to, :notBefore, :objectKey, :externalUrl,
                    :detail, :capturedAt, :now, :now)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** A repository stamping rows with {@code clock}. */
    public EvidenceRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Links a clip of {@code from .. to}, pending until its range is recorded: it is exported after {@code notBefore}. */
    public Evidence addClip(String eventId, String channelId, Instant from, Instant to, Instant notBefore) {
        Objects.requireNonNull(notBefore, "notBefore");
        return insert(eventId, EvidenceKind.CLIP, channelId, EvidenceState.PENDING, from, to, notBefore, null, null,
                null, from);
    }

    /** Links a snapshot of the channel's live stream, pending until it is taken and stored. */
    public Evidence addSnapshot(String eventId, String channelId, Instant capturedAt) {
        return insert(eventId, EvidenceKind.SNAPSHOT, channelId, EvidenceState.PENDING, null, null, null, null, null,
                null, capturedAt);
    }

    /**
     * Links an item that is complete when linked (a face hit's image or an alarm): ready, with its stored object
     * or external URL (either may be null for an alarm).
     */
    public Evidence addReady(String eventId, EvidenceKind kind, String channelId, String objectKey,
                             String externalUrl, String detail, Instant capturedAt) {
        return insert(eventId, kind, channelId, EvidenceState.READY, null, null, null, objectKey, externalUrl,
                detail, capturedAt);
    }

    public Optional<Evidence> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_evidence WHERE id = :id",
                new MapSqlParameterSource("id", id), EvidenceRepository::mapRow).stream().findFirst();
    }

    /** The event's evidence, oldest first. */
    public List<Evidence> findByEvent(String eventId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_evidence WHERE event_id = :eventId"
                + " ORDER BY created_at, id", new MapSqlParameterSource("eventId", eventId), EvidenceRepository::mapRow);
    }

    /** Pending clips whose range should be recorded by {@code now} and that have no clip job yet, oldest first. */
    public List<Evidence> findClipsDue(Instant now, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_evidence WHERE state = 'pending' AND kind = 'clip'"
                        + " AND clip_id IS NULL AND not_before <= :now ORDER BY not_before, id"
                        + " FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("now", SqlValues.toSql(now)).addValue("limit", limit),
                EvidenceRepository::mapRow);
    }

    /** Pending clips with a clip job, waiting for it to finish and be stored. */
    public List<Evidence> findClipsRunning(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_evidence WHERE state = 'pending' AND kind = 'clip'"
                        + " AND clip_id IS NOT NULL ORDER BY updated_at, id FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("limit", limit), EvidenceRepository::mapRow);
    }

    /** Pending snapshots linked before {@code before} (a restart left them behind), oldest first. */
    public List<Evidence> findSnapshotsPendingSince(Instant before) {
        return jdbc.query("SELECT " + COLUMNS + " FROM event_evidence WHERE state = 'pending' AND kind = 'snapshot'"
                        + " AND created_at < :before ORDER BY created_at, id",
                new MapSqlParameterSource("before", SqlValues.toSql(before)), EvidenceRepository::mapRow);
    }

    /** Records the clip job of a pending clip item; false when it already has one (another worker was first). */
    public boolean attachClip(String id, String clipId) {
        return update(id, "clip_id = :clipId", "AND clip_id IS NULL",
                new MapSqlParameterSource("clipId", Objects.requireNonNull(clipId, "clipId")));
    }

    /** Pending to ready (with the stored object, if any); false when it was no longer pending. */
    public boolean markReady(String id, String objectKey, String note) {
        return update(id, "state = 'ready', object_key = :objectKey, reason = :reason", "",
                new MapSqlParameterSource("objectKey", objectKey)
                        .addValue("reason", SqlValues.cut(note, REASON_LENGTH), Types.VARCHAR));
    }

    /** Pending to failed with a reason; false when it was no longer pending. */
    public boolean markFailed(String id, String reason) {
        Objects.requireNonNull(reason, "reason");
        return update(id, "state = 'failed', reason = :reason", "",
                new MapSqlParameterSource("reason", SqlValues.cut(reason, REASON_LENGTH)));
    }

    private boolean update(String id, String assignments, String condition, MapSqlParameterSource params) {
        params.addValue("id", Objects.requireNonNull(id, "id"))
                .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        return jdbc.update("UPDATE event_evidence SET " + assignments + ", updated_at = :now WHERE id = :id"
                + " AND state = 'pending' " + condition, params) == 1;
    }

    private Evidence insert(String eventId, EvidenceKind kind, String channelId, EvidenceState state, Instant from,
                            Instant to, Instant notBefore, String objectKey, String externalUrl, String detail,
                            Instant capturedAt) {
        Instant now = clock.instant();
        Evidence evidence = new Evidence(UUID.randomUUID().toString(), eventId, kind,
                channelId == null ? null : SqlValues.requireId(channelId, "channel id", 32), state, from, to,
                notBefore, null, objectKey, externalUrl, null, detail, capturedAt, now, now);
        if (detail != null && detail.length() > DETAIL_LENGTH) {
            throw new IllegalArgumentException("evidence detail longer than " + DETAIL_LENGTH + " characters");
        }
        jdbc.update(INSERT, new MapSqlParameterSource()
                .addValue("id", evidence.id())
                .addValue("eventId", eventId)
                .addValue("kind", kind.code())
                .addValue("channelId", evidence.channelId(), Types.VARCHAR)
                .addValue("state", state.code())
                .addValue("from", SqlValues.toSql(from), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("to", SqlValues.toSql(to), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("notBefore", SqlValues.toSql(notBefore), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("objectKey", objectKey, Types.VARCHAR)
                .addValue("externalUrl", externalUrl, Types.VARCHAR)
                .addValue("detail", detail, Types.VARCHAR)
                .addValue("capturedAt", SqlValues.toSql(capturedAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("now", SqlValues.toSql(now), Types.TIMESTAMP_WITH_TIMEZONE));
        return find(evidence.id()).orElse(evidence);
    }

    private static Evidence mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Evidence(rs.getString("id"), rs.getString("event_id"), EvidenceKind.fromCode(rs.getString("kind")),
                rs.getString("channel_id"), EvidenceState.fromCode(rs.getString("state")),
                SqlValues.instant(rs, "range_from"), SqlValues.instant(rs, "range_to"),
                SqlValues.instant(rs, "not_before"), rs.getString("clip_id"), rs.getString("object_key"),
                rs.getString("external_url"), rs.getString("reason"), rs.getString("detail"),
                SqlValues.instant(rs, "captured_at"), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
    }
}
