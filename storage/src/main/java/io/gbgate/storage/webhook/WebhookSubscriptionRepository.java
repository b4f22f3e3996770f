package io.gbgate.storage.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** Webhook subscriptions ({@code webhook_subscriptions}). Deleting one drops its outbox. Safe for concurrent use. */
public final class WebhookSubscriptionRepository {

    private static final String COLUMNS = "id, url, secret, event_types, created_at";

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    /** A repository stamping rows with {@code clock}. */
    public WebhookSubscriptionRepository(DataSource dataSource, Clock clock) {
        this.jdbc = new NamedParameterJdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a subscription with a new ID.
     *
     * @throws IllegalArgumentException for an empty type list, a type with a comma or blank, or values too long
     */
    public WebhookSubscription create(String url, String secret, List<String> eventTypes) {
        for (String type : eventTypes) {
            if (type == null || type.isBlank() || type.contains(",") || type.length() > 64) {
                throw new IllegalArgumentException("event types must be 1..64 characters without commas: " + type);
            }
        }
        if (url.length() > 2048 || secret.length() > 256) {
            throw new IllegalArgumentException("url longer than 2048 or secret longer than 256 characters");
        }
        WebhookSubscription subscription = new WebhookSubscription(UUID.randomUUID().toString(), url, secret,
                eventTypes, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        jdbc.update("INSERT INTO webhook_subscriptions (" + COLUMNS + ")"
                        + " VALUES (:id, :url, :secret, :eventTypes, :createdAt)",
                new MapSqlParameterSource("id", subscription.id())
                        .addValue("url", url)
                        .addValue("secret", secret)
                        .addValue("eventTypes", String.join(",", subscription.eventTypes()))
                        .addValue("createdAt", SqlValues.toSql(subscription.createdAt()),
                                Types.TIMESTAMP_WITH_TIMEZONE));
        return subscription;
    }

    public Optional<WebhookSubscription> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions WHERE id = :id",
                new MapSqlParameterSource("id", id), WebhookSubscriptionRepository::mapRow).stream().findFirst();
    }

    /** Every subscription, oldest first. */
    public List<WebhookSubscription> findAll() {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscriptions ORDER BY created_at, id",
                WebhookSubscriptionRepository::mapRow);
    }

    /** Removes the subscription and its deliveries; false when there was none. */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM webhook_subscriptions WHERE id = :id", new MapSqlParameterSource("id", id)) == 1;
    }

    private static WebhookSubscription mapRow(ResultSet rs, int rowNum) throws SQLException {
        return new WebhookSubscription(rs.getString("id"), rs.getString("url"), rs.getString("secret"),
                Arrays.asList(rs.getString("event_types").split(",")), SqlValues.instant(rs, "created_at"));
    }
}
