package io.gbgate.gateway.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** An event as the API shows it, with all its evidence, oldest first. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventView(String eventId, String type, Instant time, Double longitude, Double latitude,
                        String gridCode, String status, String personId, List<String> channels, Instant createdAt,
                        Instant updatedAt, List<EvidenceView> evidence) {
}
