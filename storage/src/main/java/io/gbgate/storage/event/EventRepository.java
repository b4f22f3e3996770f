package io.gbgate.storage.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Governance events ({@code governance_events}) and the channels involved in them. Writes join the caller's
 * Spring transaction when there is one. Safe for concurrent use.
 */
public final class EventRepository {

    private static final String COLUMNS = "event_id, type, occurred_at, longitude, latitude, grid_code, status,"
            + " person_id, created_at, updated_at";
    private static final String UPDATE = """
            UPDATE governance_events SET type = :type, occurred_at = :occurredAt, longitude = :longitude,
                   latitude = :latitude, grid_code = :gridCode, status = :status, updated_at = :now
            WHERE event_id = :eventId
            """;
    private static final String INSERT = """
            INSERT INTO governance_events (event_id, type, occurred_at, longitude, latitude, grid_code, status,
                                           person_id, created_at, updated_at)
            VALUES (:eventId, :type, :occurredAt, :longitude, :latitude, :gridCode, :status, :personId, :now, :now)
            """;
    private static final String ADD_CHANNEL = """
            INSERT INTO governance_event_channels (event_id, channel_id)
            SELECT :eventId, :channelId FROM governance_events e
            WHERE e.event_id = :eventId AND NOT EXISTS (SELECT 1 FROM governance_event_channels c
                                                        WHERE c.event_id = :eventId AND c.channel_id = :channelId)
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** A repository stamping rows with {@code clock}. */
    public EventRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the event or replaces its reported fields (type, time, location, grid code, status); channels are
     * added to those already involved, never removed; the person of a face-hit event is kept.
     *
     * @return true when the event was created, false when it existed
     */
    public boolean upsert(GovernanceEvent event) {
        Objects.requireNonNull(event, "event");
        MapSqlParameterSource params = params(event);
        boolean created = false;
        if (jdbc.update(UPDATE, params) == 0) {
            try {
                jdbc.update(INSERT, params);
                created = true;
            } catch (DuplicateKeyException concurrentlyCreated) {
                jdbc.update(UPDATE, params);
            }
        }
        addChannels(event.eventId(), event.channels());
        return created;
    }

    /** Adds channels to the event (those already involved are skipped); no-op for an unknown event. */
    public void addChannels(String eventId, Collection<String> channelIds) {
        for (String channelId : new LinkedHashSet<>(channelIds)) {
            jdbc.update(ADD_CHANNEL, new MapSqlParameterSource("eventId", eventId)
                    .addValue("channelId", SqlValues.requireId(channelId, "channel id", 32), Types.VARCHAR));
        }
    }

    /** Marks the event changed now (evidence was added). */
    public void touch(String eventId) {
        jdbc.update("UPDATE governance_events SET updated_at = :now WHERE event_id = :eventId",
                new MapSqlParameterSource("eventId", eventId)
                        .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE));
    }

    public Optional<GovernanceEvent> find(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM governance_events WHERE event_id = :eventId",
                new MapSqlParameterSource("eventId", eventId), EventRepository::mapRow);
        return rows.stream().findFirst().map(this::withChannels);
    }

    /**
     * The most recently changed event opened for {@code personId} whose status is not one of
     * {@code closedStatuses} (compared ignoring case).
     */
    public Optional<GovernanceEvent> findOpenOfPerson(String personId, Collection<String> closedStatuses) {
        Objects.requireNonNull(personId, "personId");
        List<String> closed = new ArrayList<>();
        closedStatuses.forEach(s -> closed.add(s.toLowerCase(java.util.Locale.ROOT)));
        closed.add(""); // keeps the IN list non-empty
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM governance_events WHERE person_id = :personId"
                        + " AND (status IS NULL OR LOWER(status) NOT IN (:closed))"
                        + " ORDER BY updated_at DESC, event_id FETCH FIRST 1 ROWS ONLY",
                new MapSqlParameterSource("personId", personId).addValue("closed", closed), EventRepository::mapRow);
        return rows.stream().findFirst().map(this::withChannels);
    }

    /**
     * The most recently changed event involving {@code channelId} whose status is not one of
     * {@code closedStatuses} (compared ignoring case).
     */
    public Optional<GovernanceEvent> findOpenOfChannel(String channelId, Collection<String> closedStatuses) {
        Objects.requireNonNull(channelId, "channelId");
        List<String> closed = new ArrayList<>();
        closedStatuses.forEach(s -> closed.add(s.toLowerCase(java.util.Locale.ROOT)));
        closed.add(""); // keeps the IN list non-empty
        List<Row> rows = jdbc.query("SELECT " + COLUMNS + " FROM governance_events WHERE event_id IN"
                        + " (SELECT event_id FROM governance_event_channels WHERE channel_id = :channelId)"
                        + " AND (status IS NULL OR LOWER(status) NOT IN (:closed))"
                        + " ORDER BY updated_at DESC, event_id FETCH FIRST 1 ROWS ONLY",
                new MapSqlParameterSource("channelId", channelId).addValue("closed", closed), EventRepository::mapRow);
        return rows.stream().findFirst().map(this::withChannels);
    }

    /** Creates an event for a person (opened by a face hit). */
    public GovernanceEvent createForPerson(GovernanceEvent event, String personId) {
        Objects.requireNonNull(personId, "personId");
        MapSqlParameterSource params = params(event).addValue("personId", personId, Types.VARCHAR);
        jdbc.update(INSERT, params);
        addChannels(event.eventId(), event.channels());
        return find(event.eventId()).orElseThrow();
    }

    private GovernanceEvent withChannels(Row row) {
        List<String> channels = jdbc.queryForList("SELECT channel_id FROM governance_event_channels"
                + " WHERE event_id = :eventId ORDER BY channel_id", new MapSqlParameterSource("eventId", row.id()),
                String.class);
        GovernanceEvent e = row.event();
        return new GovernanceEvent(e.eventId(), e.type(), e.occurredAt(), e.longitude(), e.latitude(), e.gridCode(),
                e.status(), e.personId(), channels, e.createdAt(), e.updatedAt());
    }

    private MapSqlParameterSource params(GovernanceEvent event) {
        return new MapSqlParameterSource()
                .addValue("eventId", event.eventId(), Types.VARCHAR)
                .addValue("type", event.type(), Types.VARCHAR)
                .addValue("occurredAt", SqlValues.toSql(event.occurredAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("longitude", event.longitude(), Types.DOUBLE)
                .addValue("latitude", event.latitude(), Types.DOUBLE)
                .addValue("gridCode", event.gridCode(), Types.VARCHAR)
                .addValue("status", event.status(), Types.VARCHAR)
                .addValue("personId", event.personId(), Types.VARCHAR)
                .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private record Row(String id, GovernanceEvent event) {
    }

    private static Row mapRow(ResultSet rs, int rowNum) throws SQLException {
        GovernanceEvent event = new GovernanceEvent(rs.getString("event_id"), rs.getString("type"),
                SqlValues.instant(rs, "occurred_at"), rs.getObject("longitude", Double.class),
                rs.getObject("latitude", Double.class), rs.getString("grid_code"), rs.getString("status"),
                rs.getString("person_id"), List.of(), SqlValues.instant(rs, "created_at"),
                SqlValues.instant(rs, "updated_at"));
        return new Row(event.eventId(), event);
    }
}
