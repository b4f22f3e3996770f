package io.gbgate.storage.download;

import io.gbgate.storage.recording.TestDatabases;

/** The download repository contract on a throw-away schema of the PostgreSQL server (skipped when unreachable). */
class PostgresDownloadRepositoryTest extends DownloadRepositoryContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.POSTGRES;
    }
}
