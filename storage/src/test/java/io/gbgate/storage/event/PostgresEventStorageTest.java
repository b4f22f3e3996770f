package io.gbgate.storage.event;

import io.gbgate.storage.recording.TestDatabases;

/** The event storage contract on a throw-away schema of the PostgreSQL server (skipped when unreachable). */
class PostgresEventStorageTest extends EventStorageContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.POSTGRES;
    }
}
