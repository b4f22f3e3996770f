package io.gbgate.gateway.simulator;

import io.gbgate.media.AccessUnit;
import java.util.function.Consumer;

/**
 * Where a simulated camera's pictures come from: a generated test pattern or a looped recording.
 * Delivers access units in real time; the consumer does not take ownership.
 */
public interface CameraFeed extends AutoCloseable {

    void start(Consumer<AccessUnit> consumer);

    @Override
    void close();
}
