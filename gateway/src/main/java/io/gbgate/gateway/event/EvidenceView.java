package io.gbgate.gateway.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * An evidence item as the API shows it: {@code state} is pending, ready (then {@code url} downloads it) or failed
 * (then {@code reason} says why); {@code reason} of a ready clip notes parts that were not recorded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvidenceView(String id, String kind, String channelId, String state, String url, String reason,
                           Instant capturedAt, Instant from, Instant to, String clipId,
                           @JsonRawValue String detail, Instant createdAt, Instant updatedAt) {
}
