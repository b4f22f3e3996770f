package io.gbgate.storage.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recording plans ({@code recording_plans} and {@code recording_schedule_windows}). A plan and its windows are
 * written in one transaction. Safe for concurrent use; the last writer of a channel's plan wins.
 */
public final class RecordingPlanRepository {

    private static final String UPDATE_PLAN = """
            UPDATE recording_plans SET mode = :mode, pre_roll_seconds = :preRoll, post_roll_seconds = :postRoll,
                                       updated_at = :now
            WHERE channel_id = :channelId
            """;
    private static final String INSERT_PLAN = """
            INSERT INTO recording_plans (channel_id, mode, pre_roll_seconds, post_roll_seconds, updated_at)
            VALUES (:channelId, :mode, :preRoll, :postRoll, :now)
            """;
    private static final String INSERT_WINDOW = """
            INSERT INTO recording_schedule_windows (channel_id, day_of_week, from_minute, to_minute)
            VALUES (:channelId, :day, :fromMinute, :toMinute)
            """;
    private static final String SELECT_PLANS =
            "SELECT channel_id, mode, pre_roll_seconds, post_roll_seconds, updated_at FROM recording_plans";
    private static final String SELECT_WINDOWS =
            "SELECT channel_id, day_of_week, from_minute, to_minute FROM recording_schedule_windows";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** A repository stamping {@code updated_at} with {@code clock}. */
    public RecordingPlanRepository(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores the plan of its channel, replacing an earlier one and its schedule; returns it as stored. */
    public RecordingPlan save(RecordingPlan plan) {
        Objects.requireNonNull(plan, "plan");
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("channelId", plan.channelId(), Types.VARCHAR)
                .addValue("mode", plan.mode().code(), Types.VARCHAR)
                .addValue("preRoll", plan.preRollSeconds(), Types.INTEGER)
                .addValue("postRoll", plan.postRollSeconds(), Types.INTEGER)
                .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
        for (int attempt = 1; ; attempt++) {
            try {
                write(plan, params);
                break;
            } catch (DuplicateKeyException e) {
                if (attempt == 3) { // a concurrent first save of the same channel won the insert: update instead
                    throw e;
                }
            }
        }
        return find(plan.channelId()).orElseThrow(
                () -> new IllegalStateException("plan of " + plan.channelId() + " vanished right after it was stored"));
    }

    private void write(RecordingPlan plan, MapSqlParameterSource params) {
        transactions.executeWithoutResult(status -> {
            if (jdbc.update(UPDATE_PLAN, params) == 0) {
                jdbc.update(INSERT_PLAN, params);
            }
            jdbc.update("DELETE FROM recording_schedule_windows WHERE channel_id = :channelId", params);
            MapSqlParameterSource[] windows = plan.schedule().stream()
                    .map(window -> new MapSqlParameterSource()
                            .addValue("channelId", plan.channelId(), Types.VARCHAR)
                            .addValue("day", window.dayOfWeek().getValue(), Types.SMALLINT)
                            .addValue("fromMinute", window.fromMinute(), Types.INTEGER)
                            .addValue("toMinute", window.toMinute(), Types.INTEGER))
                    .toArray(MapSqlParameterSource[]::new);
            if (windows.length > 0) {
                jdbc.batchUpdate(INSERT_WINDOW, windows);
            }
        });
    }

    /** The plan of a channel, if one was stored. */
    public Optional<RecordingPlan> find(String channelId) {
        ChannelIds.require(channelId);
        MapSqlParameterSource params = new MapSqlParameterSource("channelId", channelId);
        return load(" WHERE channel_id = :channelId", params).stream().findFirst();
    }

    /** All plans ordered by channel id. */
    public List<RecordingPlan> findAll() {
        return load("", new MapSqlParameterSource());
    }

    /** Removes the plan of a channel; false when there was none. */
    public boolean delete(String channelId) {
        ChannelIds.require(channelId);
        return jdbc.update("DELETE FROM recording_plans WHERE channel_id = :channelId",
                new MapSqlParameterSource("channelId", channelId)) > 0;
    }

    private List<RecordingPlan> load(String where, MapSqlParameterSource params) {
        Map<String, List<ScheduleWindow>> windows = new LinkedHashMap<>();
        jdbc.query(SELECT_WINDOWS + where, params, (ResultSet rs) -> {
            windows.computeIfAbsent(rs.getString("channel_id"), id -> new ArrayList<>())
                    .add(new ScheduleWindow(DayOfWeek.of(rs.getInt("day_of_week")), rs.getInt("from_minute"),
                            rs.getInt("to_minute")));
        });
        return jdbc.query(SELECT_PLANS + where + " ORDER BY channel_id", params,
                (rs, rowNum) -> mapPlan(rs, windows));
    }

    private static RecordingPlan mapPlan(ResultSet rs, Map<String, List<ScheduleWindow>> windows)
            throws SQLException {
        String channelId = rs.getString("channel_id");
        return new RecordingPlan(channelId, RecordingMode.fromCode(rs.getString("mode")),
                windows.getOrDefault(channelId, List.of()), rs.getInt("pre_roll_seconds"),
                rs.getInt("post_roll_seconds"), SqlValues.instant(rs, "updated_at"));
    }
}
