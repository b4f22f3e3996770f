package io.gbgate.gateway.clip;

import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.storage.clip.Clip;
import io.gbgate.storage.clip.ClipJobs;
import io.gbgate.storage.clip.ClipRepository;
import io.gbgate.storage.clip.ClipState;
import io.gbgate.storage.object.ObjectMetadata;
import io.gbgate.storage.object.ObjectStore;
import io.gbgate.storage.object.PendingUpload;
import io.gbgate.storage.object.RetryingUploader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clip jobs end to end: export (storage's {@link ClipJobs}), then upload to the object store with
 * retries while it is down; the clip is linked to its object only once the store confirmed size
 * and checksum, and the local file stays until then. After a crash, exports left unfinished are
 * re-run and ready clips without an object are uploaded again (the upload is idempotent).
 *
 * <p>{@link Listener}s learn the end of every clip: ready once stored, or failed (export or upload).
 */
public final class ClipService {
    private static final Logger log = LoggerFactory.getLogger(ClipService.class);
    private static final String CONTENT_TYPE = "video/mp4";

    private final ClipJobs jobs;
    private final ClipRepository clips;
    private final ObjectStore store;
    private final RetryingUploader uploader;
    private final Path dataDir;
    private final MediaTokenSigner signer;
    private final Duration downloadTtl;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    /** Told when a clip ends; called on export or upload threads, so it must not block. */
    public interface Listener {
        /** The clip is exported and its object confirmed by the store. */
        void ready(ClipView clip);

        /** The export failed, or the upload gave up; {@code reason} says which and why. */
        void failed(ClipView clip, String reason);
    }

    public ClipService(ClipJobs jobs, ClipRepository clips, ObjectStore store, RetryingUploader uploader,
                       Path dataDir, MediaTokenSigner signer, Duration downloadTtl) {
        this.jobs = jobs;
        this.clips = clips;
        this.store = store;
        this.uploader = uploader;
        this.dataDir = dataDir.toAbsolutePath();
        this.signer = signer;
        this.downloadTtl = downloadTtl;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Picks up what a crash left: unfinished exports run again, ready clips without an object upload again. */
    public void resume() {
        int exports = jobs.resumeUnfinished();
        for (Clip clip : clips.findUnfinished()) {
            uploadWhenReady(clip.id());
        }
        int uploads = 0;
        for (Clip clip : clips.findReadyWithoutObject()) {
            upload(clip);
            uploads++;
        }
        if (exports + uploads > 0) {
            log.info("resumed {} clip exports and {} clip uploads", exports, uploads);
        }
    }

    public ClipView submit(String channelId, java.time.Instant from, java.time.Instant to) {
        Clip clip = jobs.submit(channelId, from, to);
        uploadWhenReady(clip.id());
        return view(clip);
    }

    /**
     * Registers an MP4 made outside the export jobs (a download from a device) as a ready clip and uploads it
     * to the object store like every other clip.
     */
    public ClipView registerReady(String channelId, java.time.Instant from, java.time.Instant to,
                                  io.gbgate.storage.clip.ClipFile file) {
        Clip clip = clips.createReady(channelId, from, to, file);
        upload(clip);
        return view(clip);
    }

    public Optional<ClipView> view(String clipId) {
        return clips.find(clipId).map(this::view);
    }

    private void uploadWhenReady(String clipId) {
        jobs.completion(clipId).thenAccept(clip -> {
            if (clip.state() == ClipState.READY && clip.objectKey() == null) {
                upload(clip);
            } else if (clip.state() == ClipState.FAILED) {
                tell(listener -> listener.failed(view(clip), clip.reason()));
            }
        });
    }

    private void upload(Clip clip) {
        String key = objectKey(clip);
        ObjectMetadata metadata = ObjectMetadata.ofRecording(CONTENT_TYPE, clip.channelId(), clip.from(), clip.to())
                .withSha256(clip.sha256());
        uploader.upload(key, dataDir.resolve(clip.localPath()), metadata).whenComplete((stored, error) -> {
            if (error != null) {
                log.warn("clip {}: upload gave up: {}", clip.id(), error.getMessage());
                tell(listener -> listener.failed(view(clip), "upload gave up: " + error.getMessage()));
                return;
            }
            clips.setObjectKey(clip.id(), stored.key());
            log.info("clip {} stored as {} ({} bytes, sha256 {})", clip.id(), stored.key(), stored.size(), stored.sha256());
            clips.find(clip.id()).ifPresent(now -> tell(listener -> listener.ready(view(now))));
        });
    }

    private void tell(Consumer<Listener> call) {
        for (Listener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("clip listener {} failed: {}", listener, e.toString());
            }
        }
    }

    static String objectKey(Clip clip) {
        return "clips/" + clip.channelId() + "/" + clip.id() + ".mp4";
    }

    private ClipView view(Clip clip) {
        String url = null;
        if (clip.objectKey() != null) {
            URI uri = store.downloadUrl(clip.objectKey(), downloadTtl);
            url = uri.isAbsolute() ? uri.toString()
                    : uri + "?token=" + URLEncoder.encode(signer.sign(FileController.tokenScope(clip.objectKey()), "clip"),
                    StandardCharsets.UTF_8);
        }
        String key = objectKey(clip);
        Optional<PendingUpload> upload = clip.objectKey() != null ? Optional.empty()
                : uploader.pending().stream().filter(p -> p.key().equals(key)).findFirst();
        return new ClipView(clip.id(), clip.channelId(), clip.from(), clip.to(),
                clip.state().name().toLowerCase(java.util.Locale.ROOT), clip.progress(), clip.reason(), clip.bytes(),
                clip.durationMs(), clip.sha256(), clip.objectKey() != null, clip.objectKey(), url,
                upload.map(PendingUpload::attempts).orElse(0), upload.map(PendingUpload::lastError).orElse(null));
    }
}
