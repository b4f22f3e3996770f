package io.gbgate.storage.recording;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The disk side of a set of recorders: one writer thread, shared by every {@link SegmentRecorder} it creates,
 * writes completed segments to {@code <dataDir>/recordings/<channel>/<yyyy-MM-dd>/<epochMillis>.ts} (date of the
 * segment start in UTC) and indexes them.
 *
 * <p>Recorders hand segments over without ever blocking: the queue is bounded by a number of segments and by
 * bytes, and a segment that does not fit is dropped and counted. Each file is written under a {@code .part} name,
 * forced to disk and renamed, so a crash never leaves a truncated {@code .ts}; a segment that cannot be indexed is
 * deleted again. {@link #close()} writes what is queued (bounded wait) and frees the rest.
 */
public final class SegmentWriter implements AutoCloseable {

    /** Directory under the data directory that holds the recordings. */
    public static final String RECORDINGS_DIR = "recordings";

    private static final Logger LOG = LoggerFactory.getLogger(SegmentWriter.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final String PART_SUFFIX = ".part";

    private final Path dataDir;
    private final RecordingIndex index;
    private final ByteBufAllocator allocator;
    private final Clock clock;
    private final long maxQueuedBytes;
    private final ThreadPoolExecutor executor;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong segmentsWritten = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong segmentsDropped = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();

    /**
     * @param dataDir           the gateway's data directory
     * @param index             where written segments are indexed
     * @param allocator         where recorders take their segment buffers from
     * @param clock             wall clock the recorders time segments with
     * @param maxQueuedSegments segments waiting for the disk at most (then new ones are dropped)
     * @param maxQueuedBytes    bytes waiting for the disk at most (then new segments are dropped)
     */
    public SegmentWriter(Path dataDir, RecordingIndex index, ByteBufAllocator allocator, Clock clock,
                         int maxQueuedSegments, long maxQueuedBytes) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.index = Objects.requireNonNull(index, "index");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxQueuedSegments < 1 || maxQueuedBytes < 1) {
            throw new IllegalArgumentException("writer queue bounds must be positive: " + maxQueuedSegments
                    + " segments, " + maxQueuedBytes + " bytes");
        }
        this.maxQueuedBytes = maxQueuedBytes;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(maxQueuedSegments), runnable -> {
                    Thread thread = new Thread(runnable, "recording-writer");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A recorder for one channel whose segments this writer stores. */
    public SegmentRecorder newRecorder(String channelId, RecorderSettings settings) {
        return newRecorder(channelId, settings, clock);
    }

    /**
     * A recorder for one channel that reads the arrival time of each access unit from {@code arrivalClock}
     * instead of this writer's clock: for units replayed from a buffer (event pre-roll), whose wall-clock time
     * is when they arrived, not when they are recorded.
     */
    public SegmentRecorder newRecorder(String channelId, RecorderSettings settings, Clock arrivalClock) {
        return new SegmentRecorder(ChannelIds.require(channelId), settings, allocator,
                Objects.requireNonNull(arrivalClock, "arrivalClock"), this::submit);
    }

    /**
     * Queues a segment for writing; takes over its buffer in every case.
     *
     * @return false when the queue is full or the writer is closed (the segment is dropped and counted)
     */
    boolean submit(CompletedSegment segment) {
        int size = segment.size();
        if (queuedBytes.addAndGet(size) > maxQueuedBytes) {
            queuedBytes.addAndGet(-size);
            return drop(segment, "write queue holds too many bytes");
        }
        try {
            executor.execute(new WriteTask(segment));
            return true;
        } catch (RejectedExecutionException e) {
            queuedBytes.addAndGet(-size);
            return drop(segment, executor.isShutdown() ? "writer closed" : "write queue full");
        }
    }

    /** What the writer did so far. */
    public WriterStats stats() {
        return new WriterStats(segmentsWritten.get(), bytesWritten.get(), segmentsDropped.get(),
                writeFailures.get(), executor.getQueue().size());
    }

    /** Path of a segment file relative to the data directory, '/'-separated. */
    static String relativePath(String channelId, long startEpochMillis, int attempt) {
        String name = attempt == 0 ? startEpochMillis + ".ts" : startEpochMillis + "-" + attempt + ".ts";
        return RECORDINGS_DIR + "/" + channelId + "/" + DAY.format(Instant.ofEpochMilli(startEpochMillis))
                + "/" + name;
    }

    /** Writes what is queued (waiting at most 30 s), then stops the writer thread and frees anything left. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("recording writer did not drain in 30 s; dropping the rest");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Runnable> left = executor.shutdownNow();
        for (Runnable task : left) {
            if (task instanceof WriteTask write) {
                drop(write.segment, "writer closed");
            }
        }
    }

    private boolean drop(CompletedSegment segment, String why) {
        segmentsDropped.incrementAndGet();
        LOG.warn("recording of {}: dropped a {} ms segment ({})", segment.channelId(), segment.durationMs(), why);
        segment.data().release();
        return false;
    }

    private void write(CompletedSegment segment) {
        Path file = null;
        try {
            String relative = freeRelativePath(segment);
            file = dataDir.resolve(relative);
            long bytes = writeAtomically(segment.data(), file);
            index.add(RecordingSegment.of(segment.channelId(), segment.startAt(), segment.durationMs(), relative,
                    bytes));
            segmentsWritten.incrementAndGet();
            bytesWritten.addAndGet(bytes);
        } catch (IOException | RuntimeException e) {
            writeFailures.incrementAndGet();
            LOG.warn("recording of {}: could not store the segment starting {}: {}", segment.channelId(),
                    segment.startAt(), e.toString());
            deleteQuietly(file);
        }
    }

    private String freeRelativePath(CompletedSegment segment) {
        long start = segment.startAt().toEpochMilli();
        for (int attempt = 0; ; attempt++) {
            String relative = relativePath(segment.channelId(), start, attempt);
            if (!Files.exists(dataDir.resolve(relative))) {
                return relative;
            }
        }
    }

    private static long writeAtomically(ByteBuf data, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Path part = file.resolveSibling(file.getFileName() + PART_SUFFIX);
        long written = 0;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (data.isReadable()) {
                written += data.readBytes(channel, written, data.readableBytes());
            }
            channel.force(true);
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + PART_SUFFIX));
        } catch (IOException e) {
            LOG.warn("could not remove {}: {}", file, e.toString());
        }
    }

    /** One queued segment; the buffer is released after writing, whatever happens. */
    private final class WriteTask implements Runnable {
        private final CompletedSegment segment;

        WriteTask(CompletedSegment segment) {
            this.segment = segment;
        }

        @Override
        public void run() {
            queuedBytes.addAndGet(-segment.size());
            try {
                write(segment);
            } finally {
                segment.data().release();
            }
        }
    }
}
