package io.gbgate.storage.clip;

import io.gbgate.storage.recording.ChannelIds;
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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Clip exports ({@code clips} table) and their state transitions. Safe for concurrent use.
 */
public final class ClipRepository {

    /** Longest stored reason. */
    public static final int REASON_LENGTH = 2000;

    private static final String COLUMNS = "id, channel_id, from_at, to_at, state, progress, reason, local_path, bytes,"
            + " duration_ms, sha256, object_key, created_at, updated_at";
    private static final String INSERT = """
            INSERT INTO clips (id, channel_id, from_at, to_at, state, progress, created_at, updated_at)
            VALUES (:id, :channelId, :from, :to, 'pending', 0, :now, :now)
            """;
    private static final String MARK_READY = """
            UPDATE clips SET state = 'ready', progress = 100, reason = :reason, local_path = :localPath,
                             bytes = :bytes, duration_ms = :durationMs, sha256 = :sha256, updated_at = :now
            WHERE id = :id
            """;

    private static final RowMapper<Clip> ROW_MAPPER = ClipRepository::mapRow;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** A repository stamping rows with {@code clock}. */
    public ClipRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a new pending clip with a random UUID. */
    public Clip create(String channelId, Instant from, Instant to) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Clip clip = new Clip(id, channelId, from, to, ClipState.PENDING, 0, null, null, null, null, null, null, now,
                now);
        jdbc.update(INSERT, new MapSqlParameterSource()
                .addValue("id", id, Types.VARCHAR)
                .addValue("channelId", ChannelIds.require(channelId), Types.VARCHAR)
                .addValue("from", SqlValues.toSql(from), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("to", SqlValues.toSql(to), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("now", SqlValues.toSql(now), Types.TIMESTAMP_WITH_TIMEZONE));
        return find(id).orElse(clip);
    }

    /**
     * Stores a clip made outside the export jobs (e.g. a download from a device) as ready with its file.
     *
     * @return the stored clip
     */
    public Clip createReady(String channelId, Instant from, Instant to, ClipFile file) {
        Objects.requireNonNull(file, "file");
        Clip created = create(channelId, from, to);
        markReady(created.id(), file);
        return find(created.id()).orElseThrow(() -> new IllegalStateException("clip " + created.id() + " vanished"));
    }

    public Optional<Clip> find(String id) {
        Objects.requireNonNull(id, "id");
        return jdbc.query("SELECT " + COLUMNS + " FROM clips WHERE id = :id", new MapSqlParameterSource("id", id),
                ROW_MAPPER).stream().findFirst();
    }

    /** Clips a crash left pending or running, oldest first. */
    public List<Clip> findUnfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM clips WHERE state IN ('pending', 'running')"
                + " ORDER BY created_at, id", ROW_MAPPER);
    }

    /** Clips exported but not yet confirmed by the object store (after a crash or while it is down). */
    public List<Clip> findReadyWithoutObject() {
        return jdbc.query("SELECT " + COLUMNS + " FROM clips WHERE state = 'ready' AND object_key IS NULL"
                + " ORDER BY created_at, id", ROW_MAPPER);
    }

    /** The newest clips of a channel, newest first. */
    public List<Clip> findByChannel(String channelId, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1..10000: " + limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM clips WHERE channel_id = :channelId"
                        + " ORDER BY created_at DESC, id FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("channelId", ChannelIds.require(channelId)).addValue("limit", limit),
                ROW_MAPPER);
    }

    /** Pending (again): a resumed job starts from scratch. */
    public void markPending(String id) {
        update(id, "state = 'pending', progress = 0, reason = NULL", new MapSqlParameterSource());
    }

    public void markRunning(String id) {
        update(id, "state = 'running', progress = 0", new MapSqlParameterSource());
    }

    /** Stores the progress of a running clip (0..99; 100 comes with {@link #markReady}). */
    public void updateProgress(String id, int progress) {
        if (progress < 0 || progress > 99) {
            throw new IllegalArgumentException("running clip progress must be 0..99: " + progress);
        }
        update(id, "progress = :progress", new MapSqlParameterSource("progress", progress));
    }

    /** The export finished: records the file, its hash and the note on missing parts (if any). */
    public void markReady(String id, ClipFile file) {
        Objects.requireNonNull(file, "file");
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("id", id, Types.VARCHAR)
                .addValue("reason", cut(file.note()), Types.VARCHAR)
                .addValue("localPath", file.localPath(), Types.VARCHAR)
                .addValue("bytes", file.bytes(), Types.BIGINT)
                .addValue("durationMs", file.durationMs(), Types.BIGINT)
                .addValue("sha256", file.sha256(), Types.VARCHAR)
                .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        requireUpdated(id, jdbc.update(MARK_READY, params));
    }

    public void markFailed(String id, String reason) {
        Objects.requireNonNull(reason, "reason");
        update(id, "state = 'failed', reason = :reason",
                new MapSqlParameterSource().addValue("reason", cut(reason), Types.VARCHAR));
    }

    /** Records where the uploaded file lives in the object store. */
    public void setObjectKey(String id, String objectKey) {
        Objects.requireNonNull(objectKey, "objectKey");
        update(id, "object_key = :objectKey", new MapSqlParameterSource("objectKey", objectKey));
    }

    private void update(String id, String assignments, MapSqlParameterSource params) {
        Objects.requireNonNull(id, "id");
        params.addValue("id", id, Types.VARCHAR)
                .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        requireUpdated(id, jdbc.update("UPDATE clips SET " + assignments + ", updated_at = :now WHERE id = :id",
                params));
    }

    private static void requireUpdated(String id, int rows) {
        if (rows == 0) {
            throw new IllegalArgumentException("no such clip: " + id);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= REASON_LENGTH ? text : text.substring(0, REASON_LENGTH);
    }

    private static Clip mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new Clip(rs.getString("id"), rs.getString("channel_id"), SqlValues.instant(rs, "from_at"),
                SqlValues.instant(rs, "to_at"), ClipState.fromCode(rs.getString("state")), rs.getInt("progress"),
                rs.getString("reason"), rs.getString("local_path"), rs.getObject("bytes", Long.class),
                rs.getObject("duration_ms", Long.class), rs.getString("sha256"), rs.getString("object_key"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }
}
