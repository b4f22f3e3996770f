package io.gbgate.gateway.history;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.clip.ClipView;
import io.gbgate.gateway.stream.HistorySession;
import io.gbgate.gateway.stream.MediaTransport;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.storage.clip.ClipFile;
import io.gbgate.storage.download.DownloadRepository;
import io.gbgate.storage.object.FileDigest;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads of recorded video from devices ({@code s=Download}): the stream is written to a temporary MPEG-TS
 * file while it arrives; when it ends (file end 121, BYE or failure) the file is remuxed to MP4 and registered
 * as a ready clip, which goes to the object store like every other clip. Each download and its state is stored
 * ({@link DownloadRepository}); one that was running when the gateway stopped is marked failed at the next start
 * (the device session died with the process) and its temporary file removed.
 */
public final class DownloadService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DownloadService.class);
    /** Directory under the data directory holding downloads in progress. */
    static final String DOWNLOADS_DIR = "downloads";
    private static final String CLIPS_DIR = "clips";
    static final String INTERRUPTED = "the gateway stopped while the download was running; start it again";

    private final StreamService streams;
    private final ClipService clips;
    private final Path dataDir;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            new DefaultThreadFactory("gbgate-download", true));
    private final DownloadRepository downloads;

    public DownloadService(StreamService streams, ClipService clips, DownloadRepository downloads, Path dataDir) {
        this.streams = streams;
        this.clips = clips;
        this.downloads = downloads;
        this.dataDir = dataDir.toAbsolutePath();
        int interrupted = downloads.failInterrupted(INTERRUPTED);
        if (interrupted > 0) {
            log.warn("{} download(s) were running when the gateway stopped; marked failed", interrupted);
        }
        removeLeftovers();
    }

    /**
     * Asks the device for {@code from..to} of {@code channelId} at {@code speed} times real time; completes once
     * the first keyframe arrived (or fails like a play).
     */
    public CompletableFuture<DownloadView> start(String channelId, Instant from, Instant to, int speed,
                                                 MediaTransport transport, String requestedBy) throws IOException {
        HistorySession session = HistorySession.download(from, to, speed);
        Files.createDirectories(dataDir.resolve(DOWNLOADS_DIR));
        String id = downloads.create(channelId, from, to, speed, requestedBy).id();
        Path ts = dataDir.resolve(DOWNLOADS_DIR).resolve(id + ".ts");
        DownloadRecorder recorder = new DownloadRecorder(ts, PooledByteBufAllocator.DEFAULT, writer);
        CompletableFuture<StreamService.PlayTicket> ticket;
        try {
            ticket = streams.history(channelId, session, transport, recorder);
        } catch (RuntimeException e) {
            downloads.markFailed(id, String.valueOf(e.getMessage()));
            throw e;
        }
        recorder.finished().thenAcceptAsync(result -> save(id, result), writer);
        return ticket.handle((t, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                downloads.markFailed(id, String.valueOf(cause.getMessage()));
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            downloads.attachStream(id, t.stream().streamId());
            return view(id);
        });
    }

    public Optional<DownloadView> find(String downloadId) {
        return downloads.find(downloadId).map(DownloadView::of);
    }

    /** The newest downloads of {@code channelId}, newest first. */
    public List<DownloadView> ofChannel(String channelId, int limit) {
        return downloads.findByChannel(channelId, limit).stream().map(DownloadView::of).toList();
    }

    private DownloadView view(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("download " + id + " vanished"));
    }

    private void save(String id, DownloadRecorder.Result result) {
        DownloadView view = view(id);
        downloads.markSaving(id, result.endReason());
        Path mp4 = dataDir.resolve(CLIPS_DIR).resolve("download-" + id + ".mp4");
        Path part = mp4.resolveSibling(mp4.getFileName() + ".part");
        try {
            if (result.writeError() != null) {
                throw new IOException(result.writeError());
            }
            if (result.videoUnits() == 0) {
                throw new IOException("the device sent no video before the stream ended (" + result.endReason() + ")");
            }
            Files.createDirectories(mp4.getParent());
            long durationMs = TsToMp4.remux(result.file(), part);
            Files.move(part, mp4, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            FileDigest digest = FileDigest.of(mp4);
            ClipFile file = new ClipFile(CLIPS_DIR + "/" + mp4.getFileName(), digest.size(), durationMs,
                    digest.sha256(), "downloaded from the device; ended: " + result.endReason());
            ClipView clip = clips.registerReady(view.channelId(), view.from(), view.to(), file);
            downloads.markDone(id, clip.clipId());
            log.info("download {} of channel {} saved as clip {} ({} frames, {} ms)", id, view.channelId(),
                    clip.clipId(), result.videoUnits(), durationMs);
        } catch (Exception e) {
            log.warn("download {} of channel {} failed: {}", id, view.channelId(), e.getMessage());
            downloads.markFailed(id, String.valueOf(e.getMessage()));
        } finally {
            deleteQuietly(part);
            deleteQuietly(result.file());
        }
    }

    private void removeLeftovers() {
        Path dir = dataDir.resolve(DOWNLOADS_DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            files.forEach(DownloadService::deleteQuietly);
        } catch (IOException e) {
            log.warn("cannot clean {}: {}", dir, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", file, e.getMessage());
        }
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
