package io.gbgate.storage.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Linked face-check hits ({@code face_hits}), looked up for de-duplication. Safe for concurrent use. */
public final class FaceHitRepository {

    private static final String COLUMNS = "id, channel_id, person_id, watch_list, similarity, engine, hit_at,"
            + " event_id, created_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** A repository stamping rows with {@code clock}. */
    public FaceHitRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores a hit linked to {@code eventId} with a new ID. */
    public FaceHit add(String channelId, String personId, String watchList, double similarity, String engine,
                       Instant hitAt, String eventId) {
        FaceHit hit = new FaceHit(UUID.randomUUID().toString(), channelId, personId, watchList, similarity, engine,
                hitAt, eventId, clock.instant());
        jdbc.update("""
                INSERT INTO face_hits (id, channel_id, person_id, watch_list, similarity, engine, hit_at, event_id,
                                       created_at)
                VALUES (:id, :channelId, :personId, :watchList, :similarity, :engine, :hitAt, :eventId, :createdAt)
                """, new MapSqlParameterSource()
                .addValue("id", hit.id())
                .addValue("channelId", channelId)
                .addValue("personId", personId)
                .addValue("watchList", watchList)
                .addValue("similarity", similarity, Types.DOUBLE)
                .addValue("engine", engine, Types.VARCHAR)
                .addValue("hitAt", SqlValues.toSql(hitAt), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("eventId", eventId)
                .addValue("createdAt", SqlValues.toSql(hit.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE));
        return hit;
    }

    /**
     * The latest linked hit of the person on the channel whose time lies within {@code from .. to} (inclusive): a
     * new hit within the de-duplication window of it is a duplicate.
     */
    public Optional<FaceHit> findLatest(String personId, String channelId, Instant from, Instant to) {
        return jdbc.query("SELECT " + COLUMNS + " FROM face_hits WHERE person_id = :personId"
                        + " AND channel_id = :channelId AND hit_at >= :from AND hit_at <= :to"
                        + " ORDER BY hit_at DESC, id FETCH FIRST 1 ROWS ONLY",
                new MapSqlParameterSource("personId", personId).addValue("channelId", channelId)
                        .addValue("from", SqlValues.toSql(from), Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("to", SqlValues.toSql(to), Types.TIMESTAMP_WITH_TIMEZONE),
                FaceHitRepository::mapRow).stream().findFirst();
    }

    private static FaceHit mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new FaceHit(rs.getString("id"), rs.getString("channel_id"), rs.getString("person_id"),
                rs.getString("watch_list"), rs.getDouble("similarity"), rs.getString("engine"),
                SqlValues.instant(rs, "hit_at"), rs.getString("event_id"), SqlValues.instant(rs, "created_at"));
    }
}
