package io.gbgate.storage.event;

import io.gbgate.storage.recording.TestDatabases;

/** The event storage contract on a private H2 2.x in-memory database. */
class H2EventStorageTest extends EventStorageContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.H2_MEMORY;
    }
}
