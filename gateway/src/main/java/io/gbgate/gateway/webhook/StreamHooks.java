package io.gbgate.gateway.webhook;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code stream.started} (first keyframe arrived), {@code stream.failed} (the play never got
 * ready, with the reason) and {@code stream.stopped} (a started stream ended, with its reason), from
 * the stream service's lifecycle callbacks: every stream is seen, however short-lived.
 */
public final class StreamHooks implements StreamService.LifecycleListener {
    private static final Logger log = LoggerFactory.getLogger(StreamHooks.class);

    private final WebhookPublisher publisher;

    public StreamHooks(WebhookPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public void created(LiveStream stream) {
        stream.ready().whenComplete((ready, error) -> {
            if (error == null) {
                publish(HookType.STREAM_STARTED, stream, null);
            } else {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                publish(HookType.STREAM_FAILED, stream, cause.getMessage());
            }
        });
    }

    @Override
    public void ended(LiveStream stream) {
        if (stream.ready().isDone() && !stream.ready().isCompletedExceptionally()) {
            publish(HookType.STREAM_STOPPED, stream, stream.endReason());
        }
    }

    private void publish(HookType type, LiveStream stream, String reason) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("streamId", stream.streamId());
        data.put("channelId", stream.channelId());
        data.put("deviceId", stream.deviceId());
        if (reason != null) {
            data.put("reason", reason);
        }
        try {
            publisher.publish(type, data);
        } catch (RuntimeException e) {
            log.warn("{} hook for {} not queued: {}", type.wireName(), stream.streamId(), e.toString());
        }
    }
}
