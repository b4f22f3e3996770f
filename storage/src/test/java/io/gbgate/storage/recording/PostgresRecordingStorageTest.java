package io.gbgate.storage.recording;

/** The recording storage contract on a throw-away schema of the PostgreSQL server (skipped when unreachable). */
class PostgresRecordingStorageTest extends RecordingStorageContract {

    @Override
    TestDatabases.Variant variant() {
        return TestDatabases.Variant.POSTGRES;
    }
}
