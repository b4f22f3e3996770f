package io.gbgate.gateway.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What became of a face hit: {@code linked} (to {@code eventId}, {@code eventCreated} when it was opened for it,
 * with the evidence linked), {@code below_threshold} (nothing stored) or {@code duplicate} (of {@code duplicateOf},
 * nothing stored).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaceHitResult(String outcome, String eventId, Boolean eventCreated, String hitId, String duplicateOf,
                            Double threshold, List<EvidenceView> evidence) {

    static FaceHitResult belowThreshold(double threshold) {
        return new FaceHitResult("below_threshold", null, null, null, null, threshold, null);
    }

    static FaceHitResult duplicate(String eventId, String hitId) {
        return new FaceHitResult("duplicate", eventId, null, null, hitId, null, null);
    }
}
