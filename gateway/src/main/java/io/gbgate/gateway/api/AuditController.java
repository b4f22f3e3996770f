package io.gbgate.gateway.api;

import io.gbgate.storage.AuditEntry;
import io.gbgate.storage.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Who started and stopped which channel when. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "audit")
public class AuditController {
    private static final int MAX_LIMIT = 1000;
    private final AuditLog audit;

    public AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Audit entries of one channel (newest first), or of a time range (oldest first)")
    public List<AuditEntry> entries(@RequestParam(required = false) String channelId,
                                    @RequestParam(required = false) Instant from,
                                    @RequestParam(required = false) Instant to,
                                    @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        if (channelId != null) {
            return audit.recent(channelId, limit);
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("give channelId, or both from and to (ISO-8601 instants)");
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        return audit.between(from, to, limit);
    }
}
