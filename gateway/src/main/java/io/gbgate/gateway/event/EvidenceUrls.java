package io.gbgate.gateway.event;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.clip.ClipView;
import io.gbgate.gateway.clip.FileController;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.storage.event.Evidence;
import io.gbgate.storage.event.EvidenceState;
import io.gbgate.storage.object.ObjectStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Turns stored evidence into API views with download URLs, made fresh on every read (they expire): presigned S3
 * URLs, or the gateway's own file URLs with a signed token, or the engine's own image URL.
 */
public final class EvidenceUrls {
    private final ObjectStore store;
    private final MediaTokenSigner signer;
    private final ClipService clips;
    private final Duration ttl;

    public EvidenceUrls(ObjectStore store, MediaTokenSigner signer, ClipService clips, Duration ttl) {
        this.store = store;
        this.signer = signer;
        this.clips = clips;
        this.ttl = ttl;
    }

    public EvidenceView view(Evidence e) {
        return new EvidenceView(e.id(), e.kind().code(), e.channelId(), e.state().code(), url(e), e.reason(),
                e.capturedAt(), e.from(), e.to(), e.clipId(), e.detail(), e.createdAt(), e.updatedAt());
    }

    private String url(Evidence e) {
        if (e.state() != EvidenceState.READY) {
            return null;
        }
        if (e.objectKey() != null) {
            return objectUrl(e.objectKey());
        }
        if (e.clipId() != null) {
            return clips.view(e.clipId()).map(ClipView::downloadUrl).orElse(null);
        }
        return e.externalUrl();
    }

    private String objectUrl(String key) {
        URI uri = store.downloadUrl(key, ttl);
        if (uri.isAbsolute()) {
            return uri.toString();
        }
        String token = signer.sign(FileController.tokenScope(key), "evidence");
        return uri + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
