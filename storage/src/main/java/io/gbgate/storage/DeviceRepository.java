package io.gbgate.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registered devices ({@code devices} table). Safe for concurrent use: upserts that race with another writer of
 * the same device are retried (see {@link ConflictRetry}). Methods join a transaction the caller has open on
 * the same {@link DataSource}.
 */
public final class DeviceRepository {

    private static final String COLUMNS = "device_id, name, manufacturer, model, firmware, transport, remote_host,"
            + " remote_port, online, registered_at, last_keepalive_at, keepalive_interval_seconds, expires_at,"
            + " channel_count, created_at, updated_at";

    private static final String UPSERT_REGISTRATION = """
            MERGE INTO devices d
            USING (VALUES (CAST(:deviceId AS VARCHAR(32)), CAST(:transport AS VARCHAR(8)),
                           CAST(:remoteHost AS VARCHAR(255)), CAST(:remotePort AS INTEGER),
                           CAST(:registeredAt AS TIMESTAMP WITH TIME ZONE),
                           CAST(:expiresAt AS TIMESTAMP WITH TIME ZONE),
                           CAST(:keepaliveInterval AS INTEGER), CAST(:now AS TIMESTAMP WITH TIME ZONE)))
                  AS s (device_id, transport, remote_host, remote_port, registered_at, expires_at,
                        keepalive_interval_seconds, changed_at)
            ON d.device_id = s.device_id
            WHEN MATCHED THEN UPDATE SET
                transport = s.transport, remote_host = s.remote_host, remote_port = s.remote_port, online = TRUE,
                registered_at = s.registered_at, expires_at = s.expires_at,
                keepalive_interval_seconds = s.keepalive_interval_seconds, updated_at = s.changed_at
            WHEN NOT MATCHED THEN INSERT
                (device_id, transport, remote_host, remote_port, online, registered_at, expires_at,
                 keepalive_interval_seconds, created_at, updated_at)
                VALUES (s.device_id, s.transport, s.remote_host, s.remote_port, TRUE, s.registered_at,
                        s.expires_at, s.keepalive_interval_seconds, s.changed_at, s.changed_at)
            """;

    private static final String UPDATE_INFO = """
            UPDATE devices SET name = :name, manufacturer = :manufacturer, model = :model, firmware = :firmware,
                               channel_count = :channelCount, updated_at = :now
            WHERE device_id = :deviceId
            """;

    private static final String MARK_KEEPALIVE = """
            UPDATE devices SET last_keepalive_at = :at, online = TRUE, updated_at = :now WHERE device_id = :deviceId
            """;

    private static final String MARK_DEVICE_OFFLINE =
            "UPDATE devices SET online = FALSE, updated_at = :now WHERE device_id = :deviceId";

    private static final RowMapper<DeviceRecord> ROW_MAPPER = DeviceRepository::mapRow;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ChannelRepository channels;
    private final Clock clock;

    /** A repository stamping rows with the system UTC clock. */
    public DeviceRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** A repository stamping {@code created_at}/{@code updated_at} with {@code clock}. */
    public DeviceRepository(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.channels = new ChannelRepository(dataSource, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records an accepted registration: inserts the device or refreshes its address, expiry and keepalive
     * interval, and marks it online. Descriptive fields (name, model, ...) are left as they were.
     */
    public void upsertRegistration(DeviceRegistration registration) {
        Objects.requireNonNull(registration, "registration");
        SqlParams params = new SqlParams()
                .id("deviceId", registration.deviceId())
                .text("transport", registration.transport(), Columns.TRANSPORT)
                .text("remoteHost", registration.remoteHost(), Columns.HOST)
                .integer("remotePort", registration.remotePort())
                .time("registeredAt", registration.registeredAt())
                .time("expiresAt", registration.expiresAt())
                .integer("keepaliveInterval", registration.keepaliveIntervalSeconds())
                .time("now", clock.instant());
        ConflictRetry.run("device registration " + registration.deviceId(),
                () -> jdbc.update(UPSERT_REGISTRATION, params.source()));
    }

    /**
     * Stores the descriptive data of a {@code DeviceInfo} answer.
     *
     * @return false when the device is not registered (nothing is stored then)
     */
    public boolean updateInfo(DeviceInfo info) {
        Objects.requireNonNull(info, "info");
        SqlParams params = new SqlParams()
                .id("deviceId", info.deviceId())
                .text("name", info.name(), Columns.NAME)
                .text("manufacturer", info.manufacturer(), Columns.VENDOR)
                .text("model", info.model(), Columns.VENDOR)
                .text("firmware", info.firmware(), Columns.VENDOR)
                .integer("channelCount", info.channelCount())
                .time("now", clock.instant());
        return jdbc.update(UPDATE_INFO, params.source()) > 0;
    }

    /**
     * Records a keepalive received at {@code at} and marks the device online.
     *
     * @return false when the device is not registered (the gateway should then ask it to register again)
     */
    public boolean markKeepalive(String deviceId, Instant at) {
        Columns.requireId(deviceId, "device id");
        Objects.requireNonNull(at, "at");
        SqlParams params = new SqlParams().id("deviceId", deviceId).time("at", at).time("now", clock.instant());
        return jdbc.update(MARK_KEEPALIVE, params.source()) > 0;
    }

    /**
     * Marks the device and all of its channels offline, in one transaction.
     *
     * @return false when the device is not registered
     */
    public boolean markOffline(String deviceId) {
        Columns.requireId(deviceId, "device id");
        SqlParams params = new SqlParams().id("deviceId", deviceId).time("now", clock.instant());
        Boolean found = transactions.execute(status -> {
            if (jdbc.update(MARK_DEVICE_OFFLINE, params.source()) == 0) {
                return false;
            }
            channels.setDeviceChannelsOnline(deviceId, false);
            return true;
        });
        return Boolean.TRUE.equals(found);
    }

    /** The device with this id, if registered. */
    public Optional<DeviceRecord> findById(String deviceId) {
        Columns.requireId(deviceId, "device id");
        List<DeviceRecord> rows = jdbc.query("SELECT " + COLUMNS + " FROM devices WHERE device_id = :deviceId",
                new SqlParams().id("deviceId", deviceId).source(), ROW_MAPPER);
        return rows.stream().findFirst();
    }

    /** All devices ordered by device id. */
    public List<DeviceRecord> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM devices ORDER BY device_id", ROW_MAPPER);
    }

    /** Number of registered devices. */
    public long count() {
        Long count = jdbc.getJdbcTemplate().queryForObject("SELECT COUNT(*) FROM devices", Long.class);
        return count == null ? 0 : count;
    }

    private static DeviceRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new DeviceRecord(rs.getString("device_id"), rs.getString("name"), rs.getString("manufacturer"),
                rs.getString("model"), rs.getString("firmware"), rs.getString("transport"),
                rs.getString("remote_host"), Columns.integer(rs, "remote_port"), rs.getBoolean("online"),
                Columns.instant(rs, "registered_at"), Columns.instant(rs, "last_keepalive_at"),
                Columns.integer(rs, "keepalive_interval_seconds"), Columns.instant(rs, "expires_at"),
                Columns.integer(rs, "channel_count"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
