package io.gbgate.storage.webhook;

import io.gbgate.storage.recording.TestDatabases;

/** The webhook storage contract on a private H2 2.x in-memory database. */
class H2WebhookStorageTest extends WebhookStorageContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.H2_MEMORY;
    }
}
