package io.gbgate.storage.clip;

import io.gbgate.storage.recording.TestDatabases;

/** The clip repository contract on a private H2 2.x in-memory database. */
class H2ClipRepositoryTest extends ClipRepositoryContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.H2_MEMORY;
    }
}
