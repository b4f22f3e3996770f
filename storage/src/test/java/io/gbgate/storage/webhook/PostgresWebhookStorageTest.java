package io.gbgate.storage.webhook;

import io.gbgate.storage.recording.TestDatabases;

/** The webhook storage contract on a throw-away schema of the PostgreSQL server (skipped when unreachable). */
class PostgresWebhookStorageTest extends WebhookStorageContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.POSTGRES;
    }
}
