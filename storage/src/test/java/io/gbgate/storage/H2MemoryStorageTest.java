package io.gbgate.storage;

import java.nio.file.Path;

/** The storage contracts on a private H2 2.x in-memory database. */
class H2MemoryStorageTest extends StorageTestBase {

    @Override
    TestDatabase openDatabase(Path tempDir) {
        return TestDatabase.h2Memory();
    }
}
