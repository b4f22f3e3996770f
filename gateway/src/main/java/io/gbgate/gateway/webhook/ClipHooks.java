package io.gbgate.gateway.webhook;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.clip.ClipView;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code clip.ready} (exported and stored) and {@code clip.failed} (export failed or upload gave up) for every
 * clip, whoever asked for it: the clips API, event evidence or device downloads. Which event a clip belongs to is
 * told by {@code event.evidence_changed}, which carries the same {@code clipId}.
 */
public final class ClipHooks implements ClipService.Listener {
    private static final Logger log = LoggerFactory.getLogger(ClipHooks.class);
    private final WebhookPublisher publisher;

    public ClipHooks(WebhookPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void ready(ClipView clip) {
        publish(HookType.CLIP_READY, data(clip, null));
    }

    @Override
    public void failed(ClipView clip, String reason) {
        publish(HookType.CLIP_FAILED, data(clip, reason));
    }

    private static Map<String, Object> data(ClipView clip, String failure) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clipId", clip.clipId());
        data.put("channelId", clip.channelId());
        data.put("from", clip.from().toString());
        data.put("to", clip.to().toString());
        data.put("state", failure == null ? "ready" : "failed");
        if (failure == null) {
            data.put("bytes", clip.bytes());
            data.put("durationMs", clip.durationMs());
            data.put("sha256", clip.sha256());
            data.put("objectKey", clip.objectKey());
            if (clip.reason() != null) {
                data.put("note", clip.reason());
            }
        } else {
            data.put("reason", failure);
        }
        return data;
    }

    private void publish(HookType type, Map<String, ?> data) {
        try {
            publisher.publish(type, data);
        } catch (RuntimeException e) {
            // the clip itself is done either way; a database outage loses this hook (logged)
            log.warn("{} hook for clip {} not queued: {}", type.wireName(), data.get("clipId"), e.toString());
        }
    }
}
