package io.gbgate.gateway.history;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes a downloaded stream to one MPEG-TS file (video only, from the first keyframe). Access units are muxed
 * into a buffer on the ingest thread; full buffers go to the writer executor, so the ingest never touches the
 * disk. When the stream closes, {@link #finished()} completes with what was written and why it ended.
 */
final class DownloadRecorder implements StreamSink {
    private static final int FLUSH_BYTES = 1 << 20;

    /** What the recorder wrote: the file, its video units and media span, the end reason, a write error if any. */
    record Result(Path file, long videoUnits, long spanTicks, String endReason, String writeError) {
    }

    private final Path file;
    private final ByteBufAllocator allocator;
    private final Executor writer;
    private final CompletableFuture<Result> finished = new CompletableFuture<>();
    private final Object lock = new Object();
    // guarded by lock
    private TsMuxer muxer;
    private ByteBuf pending;
    private boolean closed;
    private long videoUnits;
    private long firstDts;
    private long lastDts;
    private long skippedUnits;
    // writer thread only
    private FileChannel channel;
    private String writeError;

    DownloadRecorder(Path file, ByteBufAllocator allocator, Executor writer) {
        this.file = file;
        this.allocator = allocator;
        this.writer = writer;
    }

    CompletableFuture<Result> finished() {
        return finished;
    }

    /** Units left out: before the first keyframe, audio, or not muxable. */
    long skippedUnits() {
        synchronized (lock) {
            return skippedUnits;
        }
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        synchronized (lock) {
            if (closed || !unit.codec().isVideo() || muxer == null && !unit.keyframe()) {
                skippedUnits++;
                return;
            }
            if (muxer == null) {
                muxer = new TsMuxer(unit.codec(), null);
                pending = allocator.buffer(FLUSH_BYTES);
                muxer.writeTables(pending);
                firstDts = unit.dts();
            }
            if (!muxer.write(unit, pending)) {
                skippedUnits++;
                return;
            }
            videoUnits++;
            lastDts = unit.dts();
            if (pending.readableBytes() >= FLUSH_BYTES) {
                hand(pending);
                pending = allocator.buffer(FLUSH_BYTES);
            }
        }
    }

    @Override
    public void onStreamClosed(String reason) {
        Result result;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (pending != null) {
                hand(pending);
                pending = null;
            }
            long span = videoUnits < 2 ? 0 : lastDts - firstDts;
            result = new Result(file, videoUnits, span, reason, null);
        }
        try {
            writer.execute(() -> {
                closeChannel();
                finished.complete(new Result(result.file(), result.videoUnits(), result.spanTicks(),
                        result.endReason(), writeError));
            });
        } catch (RejectedExecutionException e) {
            finished.complete(new Result(file, 0, 0, reason, "download writer closed"));
        }
    }

    private void hand(ByteBuf chunk) {
        try {
            writer.execute(() -> write(chunk));
        } catch (RejectedExecutionException e) {
            chunk.release();
        }
    }

    private void write(ByteBuf chunk) {
        try {
            if (writeError != null) {
                return;
            }
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
            }
            while (chunk.isReadable()) {
                chunk.readBytes(channel, chunk.readableBytes());
            }
        } catch (IOException e) {
            writeError = "cannot write " + file + ": " + e.getMessage();
        } finally {
            chunk.release();
        }
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                writeError = writeError != null ? writeError : "cannot close " + file + ": " + e.getMessage();
            }
        }
    }
}
