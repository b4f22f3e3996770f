package io.gbgate.storage;

import java.nio.file.Path;

/** The storage contracts on an H2 2.x file database in a temporary directory. */
class H2FileStorageTest extends StorageTestBase {

    @Override
    TestDatabase openDatabase(Path tempDir) {
        return TestDatabase.h2File(tempDir);
    }
}
