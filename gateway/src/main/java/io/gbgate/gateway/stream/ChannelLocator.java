package io.gbgate.gateway.stream;

import java.util.Optional;

/** Finds the device that owns a channel. */
@FunctionalInterface
public interface ChannelLocator {
    Optional<String> deviceOf(String channelId);
}
