package io.gbgate.gateway.event;

import io.gbgate.gateway.webhook.HookType;
import io.gbgate.gateway.webhook.WebhookPublisher;
import io.gbgate.storage.event.Evidence;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hooks about evidence: an item was linked or changed state. The {@code clip.*} hooks of clip evidence come from
 * the clips themselves (webhook's ClipHooks), matched by {@code clipId}.
 */
final class EvidenceHooks {
    private final WebhookPublisher publisher;

    EvidenceHooks(WebhookPublisher publisher) {
        this.publisher = publisher;
    }

    void changed(Evidence evidence) {
        publisher.publish(HookType.EVENT_EVIDENCE_CHANGED, data(evidence));
    }

    private static Map<String, Object> data(Evidence e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("eventId", e.eventId());
        data.put("evidenceId", e.id());
        data.put("kind", e.kind().code());
        data.put("channelId", e.channelId());
        data.put("state", e.state().code());
        if (e.clipId() != null) {
            data.put("clipId", e.clipId());
        }
        if (e.reason() != null) {
            data.put("reason", e.reason());
        }
        return data;
    }
}
