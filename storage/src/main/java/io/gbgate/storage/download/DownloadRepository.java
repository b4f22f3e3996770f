package io.gbgate.storage.download;

import io.gbgate.storage.SqlParams;
import io.gbgate.storage.recording.ChannelIds;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Downloads of recorded video from devices ({@code device_downloads}) and their state. A download is created
 * {@code receiving}, goes to {@code saving} when the device stream ends and ends {@code done} (with its clip)
 * or {@code failed}; only a running download changes state, so a late update cannot undo an end.
 * Safe for concurrent use.
 */
public final class DownloadRepository {

    /** Longest stored failure text; longer ones are cut. */
    public static final int FAILURE_LENGTH = 2000;
    /** Longest stored end reason. */
    public static final int END_REASON_LENGTH = 200;
    /** Longest stored principal name. */
    public static final int PRINCIPAL_LENGTH = 128;
    /** Most downloads one query returns. */
    public static final int MAX_LIMIT = 1000;

    private static final String COLUMNS = "id, channel_id, from_at, to_at, speed, requested_by, state, stream_id,"
            + " clip_id, end_reason, failure, created_at, updated_at";
    private static final String INSERT = """
            INSERT INTO device_downloads (id, channel_id, from_at, to_at, speed, requested_by, state, created_at,
                                          updated_at)
            VALUES (:id, :channelId, :from, :to, :speed, :requestedBy, 'receiving', :now, :now)
            """;
    private static final String RUNNING = "state IN ('receiving', 'saving')";
    private static final RowMapper<DeviceDownload> ROW_MAPPER = DownloadRepository::mapRow;

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public DownloadRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a new download, {@code receiving}, with a random UUID.
     *
     * @throws IllegalArgumentException for an invalid channel ID, a reversed range or a speed below 1
     */
    public DeviceDownload create(String channelId, Instant from, Instant to, int speed, String requestedBy) {
        ChannelIds.require(channelId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("download range must end after it starts: " + from + " .. " + to);
        }
        if (speed < 1) {
            throw new IllegalArgumentException("download speed must be at least 1: " + speed);
        }
        String id = UUID.randomUUID().toString();
        jdbc.update(INSERT, new SqlParams().id("id", id).id("channelId", channelId).time("from", from).time("to", to)
                .integer("speed", speed).text("requestedBy", requestedBy, PRINCIPAL_LENGTH)
                .time("now", clock.instant()).source());
        return find(id).orElseThrow(() -> new IllegalStateException("download " + id + " vanished"));
    }

    public Optional<DeviceDownload> find(String id) {
        Objects.requireNonNull(id, "id");
        return jdbc.query("SELECT " + COLUMNS + " FROM device_downloads WHERE id = :id",
                new SqlParams().id("id", id).source(), ROW_MAPPER).stream().findFirst();
    }

    /** The newest downloads of a channel, newest first. */
    public List<DeviceDownload> findByChannel(String channelId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ": " + limit);
        }
        return jdbc.query("SELECT " + COLUMNS + " FROM device_downloads WHERE channel_id = :channelId"
                        + " ORDER BY created_at DESC, id FETCH FIRST :limit ROWS ONLY",
                new SqlParams().id("channelId", ChannelIds.require(channelId)).integer("limit", limit).source(),
                ROW_MAPPER);
    }

    /** The device sent its first keyframe on {@code streamId} (recorded in any state: a short download may end first). */
    public boolean attachStream(String id, String streamId) {
        Objects.requireNonNull(id, "id");
        return jdbc.update("UPDATE device_downloads SET stream_id = :streamId WHERE id = :id",
                new SqlParams().id("streamId", Objects.requireNonNull(streamId, "streamId")).id("id", id).source()) == 1;
    }

    /** The device stream ended ({@code endReason}); the file is being saved. */
    public boolean markSaving(String id, String endReason) {
        return updateRunning(id, "state = 'saving', end_reason = :endReason",
                new SqlParams().text("endReason", endReason, END_REASON_LENGTH));
    }

    /** Saved as clip {@code clipId}. */
    public boolean markDone(String id, String clipId) {
        return updateRunning(id, "state = 'done', clip_id = :clipId, failure = NULL",
                new SqlParams().id("clipId", Objects.requireNonNull(clipId, "clipId")));
    }

    /** Ended without a clip because of {@code failure}. */
    public boolean markFailed(String id, String failure) {
        return updateRunning(id, "state = 'failed', failure = :failure",
                new SqlParams().text("failure", Objects.requireNonNull(failure, "failure"), FAILURE_LENGTH));
    }

    /**
     * Marks every running download failed with {@code failure}: at start-up, for the downloads the previous run of
     * the gateway could not finish (the device session and the partial file died with it).
     *
     * @return how many were marked
     */
    public int failInterrupted(String failure) {
        return jdbc.update("UPDATE device_downloads SET state = 'failed', failure = :failure, updated_at = :now"
                + " WHERE " + RUNNING, new SqlParams().text("failure", failure, FAILURE_LENGTH)
                .time("now", clock.instant()).source());
    }

    private boolean updateRunning(String id, String assignments, SqlParams params) {
        Objects.requireNonNull(id, "id");
        params.id("id", id).time("now", clock.instant());
        return jdbc.update("UPDATE device_downloads SET " + assignments + ", updated_at = :now WHERE id = :id AND "
                + RUNNING, params.source()) == 1;
    }

    private static DeviceDownload mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new DeviceDownload(rs.getString("id"), rs.getString("channel_id"), instant(rs, "from_at"),
                instant(rs, "to_at"), rs.getInt("speed"), rs.getString("requested_by"),
                DownloadState.fromCode(rs.getString("state")), rs.getString("stream_id"), rs.getString("clip_id"),
                rs.getString("end_reason"), rs.getString("failure"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
