package io.gbgate.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Catalog channels of devices ({@code channels} table). Catalog answers arrive in pages and devices sometimes
 * answer with fewer channels than they have, so writes only insert or update: channels missing from an answer
 * are kept. Safe for concurrent use; methods join a transaction the caller has open on the same
 * {@link DataSource}.
 */
public final class ChannelRepository {

    private static final String COLUMNS = "device_id, channel_id, name, manufacturer, model, status, online,"
            + " parent_id, civil_code, address, longitude, latitude, ptz_type, created_at, updated_at";

    private static final String UPSERT = """
            MERGE INTO channels c
            USING (VALUES (CAST(:deviceId AS VARCHAR(32)), CAST(:channelId AS VARCHAR(32)),
                           CAST(:name AS VARCHAR(255)), CAST(:manufacturer AS VARCHAR(128)),
                           CAST(:model AS VARCHAR(128)), CAST(:status AS VARCHAR(16)), CAST(:online AS BOOLEAN),
                           CAST(:parentId AS VARCHAR(32)), CAST(:civilCode AS VARCHAR(32)),
                           CAST(:address AS VARCHAR(255)), CAST(:longitude AS DOUBLE PRECISION),
                           CAST(:latitude AS DOUBLE PRECISION), CAST(:ptzType AS INTEGER),
                           CAST(:now AS TIMESTAMP WITH TIME ZONE)))
                  AS s (device_id, channel_id, name, manufacturer, model, status, online, parent_id, civil_code,
                        address, longitude, latitude, ptz_type, changed_at)
            ON c.device_id = s.device_id AND c.channel_id = s.channel_id
            WHEN MATCHED THEN UPDATE SET
                name = s.name, manufacturer = s.manufacturer, model = s.model, status = s.status,
                online = s.online, parent_id = s.parent_id, civil_code = s.civil_code, address = s.address,
                longitude = s.longitude, latitude = s.latitude, ptz_type = s.ptz_type, updated_at = s.changed_at
            WHEN NOT MATCHED THEN INSERT
                (device_id, channel_id, name, manufacturer, model, status, online, parent_id, civil_code, address,
                 longitude, latitude, ptz_type, created_at, updated_at)
                VALUES (s.device_id, s.channel_id, s.name, s.manufacturer, s.model, s.status, s.online,
                        s.parent_id, s.civil_code, s.address, s.longitude, s.latitude, s.ptz_type, s.changed_at,
                        s.changed_at)
            """;

    private static final String SET_DEVICE_CHANNELS_ONLINE = """
            UPDATE channels SET online = :online, updated_at = :now
            WHERE device_id = :deviceId AND online <> :online
            """;

    /**
     * Channels whose last reported status says online (ON, ONLINE, OK, any case) or says nothing are online
     * again when their device registers; a channel the device reported OFF stays offline. The same rule as
     * the gateway's catalog mapping.
     */
    private static final String RESTORE_DEVICE_CHANNELS_ONLINE = """
            UPDATE channels SET online = TRUE, updated_at = :now
            WHERE device_id = :deviceId AND online = FALSE
              AND (status IS NULL OR TRIM(status) = '' OR UPPER(TRIM(status)) IN ('ON', 'ONLINE', 'OK'))
            """;

    private static final RowMapper<ChannelRecord> ROW_MAPPER = ChannelRepository::mapRow;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    /** A repository stamping rows with the system UTC clock. */
    public ChannelRepository(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    /** A repository stamping {@code created_at}/{@code updated_at} with {@code clock}. */
    public ChannelRepository(DataSource dataSource, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Inserts or updates the reported channels of one device in a single JDBC batch and transaction. Channels
     * of the device that are not in {@code reported} are left untouched.
     *
     * @throws IllegalArgumentException when a channel belongs to another device, or the device is not registered
     */
    public void upsertAll(String deviceId, List<ChannelRecord> reported) {
        Columns.requireId(deviceId, "device id");
        Objects.requireNonNull(reported, "reported");
        if (reported.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // Rows are written in key order so that concurrent answers lock them in the same order (no deadlocks).
        List<ChannelRecord> ordered = reported.stream()
                .map(channel -> Objects.requireNonNull(channel, "reported channel"))
                .sorted(Comparator.comparing(ChannelRecord::channelId))
                .toList();
        MapSqlParameterSource[] batch = new MapSqlParameterSource[ordered.size()];
        for (int i = 0; i < batch.length; i++) {
            ChannelRecord channel = ordered.get(i);
            if (!channel.deviceId().equals(deviceId)) {
                throw new IllegalArgumentException("channel " + channel.channelId() + " belongs to device "
                        + channel.deviceId() + ", not " + deviceId);
            }
            batch[i] = upsertParams(channel, now);
        }
        ConflictRetry.run("catalog of " + deviceId, () -> transactions.execute(status -> {
            requireDevice(deviceId);
            return jdbc.batchUpdate(UPSERT, batch);
        }));
    }

    /** The channels of a device ordered by channel id. */
    public List<ChannelRecord> findByDevice(String deviceId) {
        Columns.requireId(deviceId, "device id");
        return jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE device_id = :deviceId ORDER BY channel_id",
                new SqlParams().id("deviceId", deviceId).source(), ROW_MAPPER);
    }

    /** A page of channels of every device matching {@code query} (see {@link ChannelQuery}). */
    public List<ChannelRecord> search(ChannelQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM channels WHERE 1 = 1");
        SqlParams params = new SqlParams().integer("limit", query.limit());
        if (query.text() != null) {
            sql.append(" AND (LOWER(name) LIKE :pattern ESCAPE '\\' OR channel_id LIKE :pattern ESCAPE '\\'"
                    + " OR LOWER(address) LIKE :pattern ESCAPE '\\')");
            params.text("pattern", query.likePattern(), ChannelQuery.MAX_TEXT * 2 + 2);
        }
        if (query.online() != null) {
            sql.append(" AND online = :online");
            params.bool("online", query.online());
        }
        if (query.afterChannelId() != null) {
            sql.append(" AND (channel_id > :afterChannel OR (channel_id = :afterChannel AND device_id > :afterDevice))");
            params.id("afterChannel", query.afterChannelId()).id("afterDevice", query.afterDeviceId());
        }
        sql.append(" ORDER BY channel_id, device_id FETCH FIRST :limit ROWS ONLY");
        return jdbc.query(sql.toString(), params.source(), ROW_MAPPER);
    }

    /**
     * The channel with this id. Channel ids are globally unique in practice; should two devices report the same
     * id, the most recently updated row wins (ties broken by the lower device id).
     */
    public Optional<ChannelRecord> findById(String channelId) {
        Columns.requireId(channelId, "channel id");
        List<ChannelRecord> rows = jdbc.query("SELECT " + COLUMNS + " FROM channels WHERE channel_id = :channelId"
                        + " ORDER BY updated_at DESC, device_id FETCH FIRST 1 ROWS ONLY",
                new SqlParams().id("channelId", channelId).source(), ROW_MAPPER);
        return rows.stream().findFirst();
    }

    /**
     * Sets the online flag of every channel of a device, e.g. when the device goes offline.
     *
     * @return the number of channels whose flag changed
     */
    public int setDeviceChannelsOnline(String deviceId, boolean online) {
        Columns.requireId(deviceId, "device id");
        SqlParams params = new SqlParams().id("deviceId", deviceId).bool("online", online)
                .time("now", clock.instant());
        return jdbc.update(SET_DEVICE_CHANNELS_ONLINE, params.source());
    }

    /**
     * Brings a registering device's channels back online, except those it last reported OFF.
     *
     * @return the number of channels whose flag changed
     */
    public int restoreDeviceChannelsOnline(String deviceId) {
        Columns.requireId(deviceId, "device id");
        SqlParams params = new SqlParams().id("deviceId", deviceId).time("now", clock.instant());
        return jdbc.update(RESTORE_DEVICE_CHANNELS_ONLINE, params.source());
    }

    /**
     * Removes one channel of a device (the device reported it deleted).
     *
     * @return whether a channel was removed
     */
    public boolean delete(String deviceId, String channelId) {
        Columns.requireId(deviceId, "device id");
        Columns.requireId(channelId, "channel id");
        return jdbc.update("DELETE FROM channels WHERE device_id = :deviceId AND channel_id = :channelId",
                new SqlParams().id("deviceId", deviceId).id("channelId", channelId).source()) > 0;
    }

    private void requireDevice(String deviceId) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM devices WHERE device_id = :deviceId",
                new SqlParams().id("deviceId", deviceId).source(), Integer.class);
        if (found == null || found == 0) {
            throw new IllegalArgumentException("device " + deviceId + " is not registered");
        }
    }

    private static MapSqlParameterSource upsertParams(ChannelRecord channel, Instant now) {
        return new SqlParams()
                .id("deviceId", channel.deviceId())
                .id("channelId", channel.channelId())
                .text("name", channel.name(), Columns.NAME)
                .text("manufacturer", channel.manufacturer(), Columns.VENDOR)
                .text("model", channel.model(), Columns.VENDOR)
                .text("status", channel.status(), Columns.STATUS)
                .bool("online", channel.online())
                .id("parentId", channel.parentId())
                .text("civilCode", channel.civilCode(), Columns.ID)
                .text("address", channel.address(), Columns.ADDRESS)
                .number("longitude", channel.longitude())
                .number("latitude", channel.latitude())
                .integer("ptzType", channel.ptzType())
                .time("now", now)
                .source();
    }

    private static ChannelRecord mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new ChannelRecord(rs.getString("device_id"), rs.getString("channel_id"), rs.getString("name"),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("status"),
                rs.getBoolean("online"), rs.getString("parent_id"), rs.getString("civil_code"),
                rs.getString("address"), Columns.number(rs, "longitude"), Columns.number(rs, "latitude"),
                Columns.integer(rs, "ptz_type"), Columns.instant(rs, "created_at"),
                Columns.instant(rs, "updated_at"));
    }
}
