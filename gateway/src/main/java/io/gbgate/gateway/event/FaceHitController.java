package io.gbgate.gateway.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.api.ApiError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Face-check hits from recognition engines. */
@RestController
@Tag(name = "events")
public class FaceHitController {
    private final FaceHitService hits;
    private final EventsProperties props;
    private final ObjectMapper json;

    public FaceHitController(FaceHitService hits, EventsProperties props, ObjectMapper json) {
        this.hits = hits;
        this.props = props;
        this.json = json;
    }

    @PostMapping("/api/face-hits")
    @Operation(summary = "Report a face hit: 201 linked (with the evidence), 200 below threshold or duplicate")
    public ResponseEntity<?> hit(HttpServletRequest request) throws IOException {
        long limit = props.maxFaceHitBody().toBytes();
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, limit + 1));
        }
        if (body.length > limit) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(413, "Payload Too Large",
                    "face hit body larger than " + limit + " bytes (gbgate.events.max-face-hit-body)"));
        }
        if (body.length == 0) {
            throw new IllegalArgumentException("body is missing");
        }
        FaceHitRequest hit;
        try {
            hit = json.readValue(body, FaceHitRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("body is not a valid face hit: " + e.getOriginalMessage());
        }
        if (hit == null) {
            throw new IllegalArgumentException("body must be a face hit object");
        }
        FaceHitResult result = hits.handle(hit);
        return ResponseEntity.status("linked".equals(result.outcome()) ? HttpStatus.CREATED : HttpStatus.OK)
                .body(result);
    }
}
