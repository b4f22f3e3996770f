package io.gbgate.storage.event;

import io.gbgate.storage.recording.TestDatabases;

/** The event repository contract on H2. */
class H2EventRepositoryTest extends EventRepositoryContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.H2_MEMORY;
    }
}
