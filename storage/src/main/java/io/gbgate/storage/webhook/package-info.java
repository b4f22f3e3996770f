/**
 * Webhook subscriptions and the durable delivery outbox: every hook to send is a row that stays pending until the
 * receiver acknowledged it or it ran out of attempts (dead letter). Repositories run on H2 2.x and PostgreSQL.
 */
package io.gbgate.storage.webhook;
