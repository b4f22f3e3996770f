package io.gbgate.storage;

import java.nio.file.Path;

/** The storage contracts on a throw-away schema on the PostgreSQL server at 127.0.0.1:5432 (skipped when unreachable). */
class PostgresStorageTest extends StorageTestBase {

    @Override
    TestDatabase openDatabase(Path tempDir) {
        return TestDatabase.postgresSchema();
    }
}
