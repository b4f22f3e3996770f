package io.gbgate.storage.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Position history of devices and channels ({@code mobile_positions}). Safe for concurrent use. */
public final class PositionRepository {

    /** Most rows one query returns. */
    public static final int MAX_LIMIT = 10_000;

    private static final String COLUMNS = "id, device_id, target_id, position_time, longitude, latitude, speed,"
            + " direction, altitude, received_at";
    private static final String INSERT = """
            INSERT INTO mobile_positions (device_id, target_id, position_time, longitude, latitude, speed, direction,
                                          altitude, received_at)
            VALUES (:deviceId, :targetId, :positionTime, :longitude, :latitude, :speed, :direction, :altitude,
                    :receivedAt)
            """;
    private static final RowMapper<MobilePosition> ROW_MAPPER = PositionRepository::mapRow;

    private final NamedParameterJdbcTemplate jdbc;

    public PositionRepository(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
    }

    /** Stores a position; returns it with its ID. */
    public MobilePosition insert(MobilePosition position) {
        Objects.requireNonNull(position, "position");
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("deviceId", position.deviceId(), Types.VARCHAR)
                .addValue("targetId", position.targetId(), Types.VARCHAR)
                .addValue("positionTime", EventSql.local(position.positionTime()), Types.TIMESTAMP)
                .addValue("longitude", position.longitude(), Types.DOUBLE)
                .addValue("latitude", position.latitude(), Types.DOUBLE)
                .addValue("speed", position.speed(), Types.DOUBLE)
                .addValue("direction", position.direction(), Types.DOUBLE)
                .addValue("altitude", position.altitude(), Types.DOUBLE)
                .addValue("receivedAt", EventSql.instant(position.receivedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(INSERT, params, keys, new String[] {"id"});
        return position.withId(Objects.requireNonNull(keys.getKey(), "generated id").longValue());
    }

    /**
     * Positions of {@code targetId} received in {@code [from, to)}, in the order they were taken (device time;
     * notifications may arrive out of order).
     *
     * @throws IllegalArgumentException for a reversed range or a limit outside 1..{@value #MAX_LIMIT}
     */
    public List<MobilePosition> find(String targetId, Instant from, Instant to, int limit) {
        EventIds.require(targetId, "position target id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("position range ends before it starts: " + from + " .. " + to);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM mobile_positions WHERE target_id = :targetId"
                        + " AND received_at >= :from AND received_at < :to ORDER BY position_time, id"
                        + " FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource()
                        .addValue("targetId", targetId, Types.VARCHAR)
                        .addValue("from", EventSql.instant(from), Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("to", EventSql.instant(to), Types.TIMESTAMP_WITH_TIMEZONE)
                        .addValue("limit", limit, Types.INTEGER),
                ROW_MAPPER);
    }

    private static MobilePosition mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new MobilePosition(rs.getLong("id"), rs.getString("device_id"), rs.getString("target_id"),
                EventSql.local(rs, "position_time"), rs.getDouble("longitude"), rs.getDouble("latitude"),
                EventSql.number(rs, "speed"), EventSql.number(rs, "direction"), EventSql.number(rs, "altitude"),
                EventSql.instant(rs, "received_at"));
    }
}
