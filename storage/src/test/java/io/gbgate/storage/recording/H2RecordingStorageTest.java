package io.gbgate.storage.recording;

/** The recording storage contract on a private H2 2.x in-memory database. */
class H2RecordingStorageTest extends RecordingStorageContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.H2_MEMORY;
    }
}
