package io.gbgate.storage.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The durable outbox of webhook deliveries ({@code webhook_deliveries}). A delivery is queued in the same
 * transaction as the change it reports (when the caller has one) and stays pending until acknowledged, so a crash
 * at any point leads to at least one delivery after restart. Per subscription only the oldest pending delivery is
 * ever due ({@link #dueHeads}), which keeps deliveries in order. Safe for concurrent use.
 */
public final class WebhookOutbox {

    /** Longest payload. */
    public static final int MAX_PAYLOAD = 65_536;
    /** Longest stored error. */
    public static final int ERROR_LENGTH = 2000;

    private static final String COLUMNS = "id, subscription_id, event_type, payload, idempotency_key, state, attempts,"
            + " next_attempt_at, last_status, last_error, delivered_at, created_at";
    private static final String DUE_HEADS = "SELECT " + COLUMNS + " FROM webhook_deliveries d"
            + " WHERE d.state = 'pending' AND d.next_attempt_at <= :now"
            + " AND d.id = (SELECT MIN(p.id) FROM webhook_deliveries p"
            + "             WHERE p.subscription_id = d.subscription_id AND p.state = 'pending')";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** An outbox stamping rows with {@code clock}. */
    public WebhookOutbox(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues {@code payload} for the subscription, due now, with a new idempotency key. */
    public WebhookDelivery enqueue(String subscriptionId, String eventType, String payload) {
        Objects.requireNonNull(payload, "payload");
        if (payload.length() > MAX_PAYLOAD) {
            throw new IllegalArgumentException("webhook payload longer than " + MAX_PAYLOAD + " characters");
        }
        Instant now = clock.instant();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update("""
                INSERT INTO webhook_deliveries (subscription_id, event_type, payload, idempotency_key, state, attempts,
                                                next_attempt_at, created_at)
                VALUES (:subscriptionId, :eventType, :payload, :key, 'pending', 0, :now, :now)
                """, new MapSqlParameterSource("subscriptionId", subscriptionId)
                .addValue("eventType", eventType)
                .addValue("payload", payload)
                .addValue("key", UUID.randomUUID().toString())
                .addValue("now", SqlValues.toSql(now), Types.TIMESTAMP_WITH_TIMEZONE), key, new String[] {"id"});
        return find(Objects.requireNonNull(key.getKey(), "generated id").longValue()).orElseThrow();
    }

    public Optional<WebhookDelivery> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = :id",
                new MapSqlParameterSource("id", id), WebhookOutbox::mapRow).stream().findFirst();
    }

    /**
     * For each subscription not in {@code busy}, its oldest pending delivery if it is due by {@code now}; a
     * subscription whose oldest pending delivery waits for a retry sends nothing newer meanwhile.
     */
    public List<WebhookDelivery> dueHeads(Instant now, Collection<String> busy, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("now", SqlValues.toSql(now))
                .addValue("limit", limit);
        String sql = DUE_HEADS;
        if (!busy.isEmpty()) {
            sql += " AND d.subscription_id NOT IN (:busy)";
            params.addValue("busy", busy);
        }
        return jdbc.query(sql + " ORDER BY d.id FETCH FIRST :limit ROWS ONLY", params, WebhookOutbox::mapRow);
    }

    /** How many deliveries are in {@code state} now (for metrics: a growing pending or dead count wants a look). */
    public long count(DeliveryState state) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM webhook_deliveries WHERE state = :state",
                new MapSqlParameterSource("state", state.code()), Long.class);
        return count == null ? 0 : count;
    }

    /** The subscription's deliveries, newest first. */
    public List<WebhookDelivery> findBySubscription(String subscriptionId, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE subscription_id = :subscriptionId"
                        + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("subscriptionId", subscriptionId).addValue("limit", limit),
                WebhookOutbox::mapRow);
    }

    /** The receiver acknowledged the pending delivery with {@code status}. */
    public void markDelivered(long id, int status) {
        jdbc.update("UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1,"
                        + " last_status = :status, last_error = NULL, delivered_at = :now"
                        + " WHERE id = :id AND state = 'pending'",
                new MapSqlParameterSource("id", id).addValue("status", status)
                        .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE));
    }

    /** An attempt failed; the delivery is due again at {@code nextAttemptAt}. */
    public void markRetry(long id, Integer status, String error, Instant nextAttemptAt) {
        jdbc.update("UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = :status,"
                        + " last_error = :error, next_attempt_at = :next WHERE id = :id AND state = 'pending'",
                new MapSqlParameterSource("id", id).addValue("status", status, Types.INTEGER)
                        .addValue("error", SqlValues.cut(error, ERROR_LENGTH), Types.VARCHAR)
                        .addValue("next", SqlValues.toSql(nextAttemptAt), Types.TIMESTAMP_WITH_TIMEZONE));
    }

    /** The last attempt failed: the delivery becomes a dead letter and the subscription's next one is due. */
    public void markDead(long id, Integer status, String error) {
        jdbc.update("UPDATE webhook_deliveries SET state = 'dead', attempts = attempts + 1, last_status = :status,"
                        + " last_error = :error WHERE id = :id AND state = 'pending'",
                new MapSqlParameterSource("id", id).addValue("status", status, Types.INTEGER)
                        .addValue("error", SqlValues.cut(error, ERROR_LENGTH), Types.VARCHAR));
    }

    /**
     * Sends a delivered or dead delivery again (same payload and idempotency key), due now with fresh attempts.
     *
     * @return false when there is no such delivery or it is still pending
     */
    public boolean replay(long id) {
        return jdbc.update("UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = :now,"
                        + " delivered_at = NULL WHERE id = :id AND state <> 'pending'",
                new MapSqlParameterSource("id", id)
                        .addValue("now", SqlValues.toSql(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE)) == 1;
    }

    private static WebhookDelivery mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getString("subscription_id"), rs.getString("event_type"),
                rs.getString("payload"), rs.getString("idempotency_key"), DeliveryState.fromCode(rs.getString("state")),
                rs.getInt("attempts"), SqlValues.instant(rs, "next_attempt_at"), rs.getObject("last_status", Integer.class),
                rs.getString("last_error"), SqlValues.instant(rs, "delivered_at"), SqlValues.instant(rs, "created_at"));
    }
}
