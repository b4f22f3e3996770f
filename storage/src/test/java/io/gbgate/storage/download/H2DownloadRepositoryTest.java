package io.gbgate.storage.download;

import io.gbgate.storage.recording.TestDatabases;

/** The download repository contract on a private H2 2.x in-memory database. */
class H2DownloadRepositoryTest extends DownloadRepositoryContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.H2_MEMORY;
    }
}
