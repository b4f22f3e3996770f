package io.gbgate.storage.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * The index of recorded segments ({@code recording_segments} table). Rows that retention has marked for deletion
 * are invisible to {@link #findSegments} and {@link #listRanges}. Safe for concurrent use.
 */
public final class RecordingIndex {

    /** Holes up to this long between segments still count as one continuous range. */
    public static final Duration DEFAULT_GAP_TOLERANCE = Duration.ofSeconds(1);
    /** Upper bound for the number of segments one query returns. */
    public static final int MAX_ROWS = 100_000;

    private static final String COLUMNS = "id, channel_id, start_at, end_at, duration_ms, path, bytes, created_at";
    private static final String INSERT = """
            INSERT INTO recording_segments (channel_id, start_at, end_at, duration_ms, path, bytes, created_at)
            VALUES (:channelId, :startAt, :endAt, :durationMs, :path, :bytes, :now)
            """;
    private static final String FIND_OVERLAPPING = "SELECT " + COLUMNS + " FROM recording_segments"
            + " WHERE channel_id = :channelId AND start_at < :to AND end_at > :from AND deleting_at IS NULL"
            + " ORDER BY start_at, id FETCH FIRST " + MAX_ROWS + " ROWS ONLY";
    private static final String OLDEST_AFTER = "SELECT " + COLUMNS + " FROM recording_segments"
            + " WHERE deleting_at IS NULL AND (start_at > :after OR (start_at = :after AND id > :afterId))"
            + " ORDER BY start_at, id FETCH FIRST :limit ROWS ONLY";

    private static final RowMapper<RecordingSegment> ROW_MAPPER = RecordingIndex::mapRow;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** An index stamping {@code created_at} with the system UTC clock. */
    public RecordingIndex(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** An index stamping {@code created_at} and deletion marks with {@code clock}. */
    public RecordingIndex(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a completed segment; returns it with its generated id and creation time. */
    public RecordingSegment add(RecordingSegment segment) {
        Objects.requireNonNull(segment, "segment");
        Instant now = clock.instant();
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("channelId", segment.channelId(), Types.VARCHAR)
                .addValue("startAt", SqlValues.toSql(segment.startAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("endAt", SqlValues.toSql(segment.endAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("durationMs", segment.durationMs(), Types.BIGINT)
                .addValue("path", segment.path(), Types.VARCHAR)
                .addValue("bytes", segment.bytes(), Types.BIGINT)
                .addValue("now", SqlValues.toSql(now), Types.TIMESTAMP_WITH_TIMEZONE);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(INSERT, params, keys, new String[] {"id"});
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no generated segment id");
        }
        return findById(id.longValue()).orElseThrow(
                () -> new IllegalStateException("segment " + id + " vanished right after it was stored"));
    }

    /** The segment with this id, unless it is gone or being deleted. */
    public Optional<RecordingSegment> findById(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM recording_segments WHERE id = :id AND deleting_at IS NULL",
                new MapSqlParameterSource("id", id), ROW_MAPPER).stream().findFirst();
    }

    /** Segments of a channel overlapping {@code [from, to)}, ordered by start time (at most {@link #MAX_ROWS}). */
    public List<RecordingSegment> findSegments(String channelId, Instant from, Instant to) {
        return jdbc.query(FIND_OVERLAPPING, window(channelId, from, to), ROW_MAPPER);
    }

    /** Continuous recorded ranges in {@code [from, to)} with the {@link #DEFAULT_GAP_TOLERANCE}. */
    public List<RecordedRange> listRanges(String channelId, Instant from, Instant to) {
        return listRanges(channelId, from, to, DEFAULT_GAP_TOLERANCE);
    }

    /**
     * Continuous recorded ranges in {@code [from, to)}, oldest first: segments whose holes are at most
     * {@code gapTolerance} are merged; ranges are clipped to the window.
     */
    public List<RecordedRange> listRanges(String channelId, Instant from, Instant to, Duration gapTolerance) {
        Objects.requireNonNull(gapTolerance, "gapTolerance");
        if (gapTolerance.isNegative()) {
            throw new IllegalArgumentException("gap tolerance must not be negative: " + gapTolerance);
        }
        List<RecordedRange> ranges = new ArrayList<>();
        Instant rangeStart = null;
        Instant rangeEnd = null;
        int count = 0;
        for (RecordingSegment segment : findSegments(channelId, from, to)) {
            if (rangeStart != null && !segment.startAt().isAfter(rangeEnd.plus(gapTolerance))) {
                rangeEnd = max(rangeEnd, segment.endAt());
                count++;
                continue;
            }
            if (rangeStart != null) {
                ranges.add(clipped(channelId, rangeStart, rangeEnd, count, from, to));
            }
            rangeStart = segment.startAt();
            rangeEnd = segment.endAt();
            count = 1;
        }
        if (rangeStart != null) {
            ranges.add(clipped(channelId, rangeStart, rangeEnd, count, from, to));
        }
        return ranges;
    }

    /** Total size of all indexed segments that are not being deleted. */
    public long totalBytes() {
        Long total = jdbc.getJdbcTemplate().queryForObject(
                "SELECT COALESCE(SUM(bytes), 0) FROM recording_segments WHERE deleting_at IS NULL", Long.class);
        return total == null ? 0 : total;
    }

    /**
     * The oldest segments of all channels after the position {@code (afterStart, afterId)} in (start, id) order;
     * pass {@link Instant#EPOCH} and 0 to start from the beginning.
     */
    List<RecordingSegment> oldestAfter(Instant afterStart, long afterId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("after", SqlValues.toSql(afterStart), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("afterId", afterId, Types.BIGINT)
                .addValue("limit", limit, Types.INTEGER);
        return jdbc.query(OLDEST_AFTER, params, ROW_MAPPER);
    }

    /** Hides a segment from queries before its file is deleted; false when it is gone or already marked. */
    boolean markDeleting(long id) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", id)
                .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        return jdbc.update("UPDATE recording_segments SET deleting_at = :now WHERE id = :id AND deleting_at IS NULL",
                params) > 0;
    }

    /** Segments marked for deletion whose deletion did not finish (a crash in between). */
    List<RecordingSegment> findMarkedDeleting() {
        return jdbc.query("SELECT " + COLUMNS + " FROM recording_segments WHERE deleting_at IS NOT NULL ORDER BY id",
                ROW_MAPPER);
    }

    /** Removes the row of a segment whose file is gone. */
    void remove(long id) {
        jdbc.update("DELETE FROM recording_segments WHERE id = :id", new MapSqlParameterSource("id", id));
    }

    private static MapSqlParameterSource window(String channelId, Instant from, Instant to) {
        ChannelIds.require(channelId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("time window is empty or reversed: " + from + " .. " + to);
        }
        return new MapSqlParameterSource()
                .addValue("channelId", channelId, Types.VARCHAR)
                .addValue("from", SqlValues.toSql(from), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("to", SqlValues.toSql(to), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static RecordedRange clipped(String channelId, Instant start, Instant end, int count, Instant from,
                                         Instant to) {
        return new RecordedRange(channelId, max(start, from), end.isAfter(to) ? to : end, count);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static RecordingSegment mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new RecordingSegment(rs.getLong("id"), rs.getString("channel_id"), SqlValues.instant(rs, "start_at"),
                SqlValues.instant(rs, "end_at"), rs.getLong("duration_ms"), rs.getString("path"),
                rs.getLong("bytes"), SqlValues.instant(rs, "created_at"));
    }
}
