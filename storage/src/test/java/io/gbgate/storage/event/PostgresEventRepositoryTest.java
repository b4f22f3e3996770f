package io.gbgate.storage.event;

import io.gbgate.storage.recording.TestDatabases;

/** The event repository contract on Postgres. */
class PostgresEventRepositoryTest extends EventRepositoryContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.POSTGRES;
    }
}
