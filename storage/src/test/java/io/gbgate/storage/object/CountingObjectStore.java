package io.gbgate.storage.object;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Passes every call to a real store and counts the puts, to prove an upload did not send the file again. */
final class CountingObjectStore implements ObjectStore {

    private final ObjectStore delegate;
    private final AtomicInteger puts = new AtomicInteger();

    CountingObjectStore(ObjectStore delegate) {
        this.delegate = delegate;
    }

    int puts() {
        return puts.get();
    }

    @Override
    public StoredObject put(String key, Path file, ObjectMetadata metadata) {
        puts.incrementAndGet();
        return delegate.put(key, file, metadata);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        return delegate.stat(key);
    }

    @Override
    public InputStream open(String key) {
        return delegate.open(key);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public URI downloadUrl(String key, Duration ttl) {
        return delegate.downloadUrl(key, ttl);
    }

    @Override
    public boolean isAvailable() {
        return delegate.isAvailable();
    }
}
