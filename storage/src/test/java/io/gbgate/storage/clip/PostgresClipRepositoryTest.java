package io.gbgate.storage.clip;

import io.gbgate.storage.recording.TestDatabases;

/** The clip repository contract on a throw-away schema of the PostgreSQL server (skipped when unreachable). */
class PostgresClipRepositoryTest extends ClipRepositoryContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.POSTGRES;
    }
}
