package io.gbgate.media.transcode;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.hub.StreamSink;
import io.netty.buffer.ByteBufAllocator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an H.265 stream into H.264 for viewers that cannot decode HEVC: a sink of the source hub
 * that decodes each picture with FFmpeg's HEVC decoder and encodes it with libopenh264, publishing
 * into its own {@link #output()} hub with the source's timestamps. Source keyframes stay keyframes
 * (plus one at least every {@link TranscodeSettings#maxKeyframeInterval90k()}, and one on
 * {@link #requestKeyframe()}); audio passes untouched, in order.
 *
 * <p>The ingest thread only queues (bounded); the work runs on a shared {@link Executor}, at most
 * one task per transcoder at a time. When the queue is full, video is dropped up to the next keyframe
 * and counted. {@link #stop} frees the codecs in the transcoder's last task on the executor.
 */
public final class HevcToH264Transcoder implements StreamSink {
    private static final Logger log = LoggerFactory.getLogger(HevcToH264Transcoder.class);
    /** Units one task handles before it yields the worker to other transcoders. */
    private static final int BATCH = 8;
    /** FFmpeg's AV_FRAME_FLAG_KEY (a macro the presets do not map): the picture is an IRAP picture. */
    private static final int FRAME_FLAG_KEY = 1 << 1;

    private final StreamHub source;
    private final StreamHub output;
    private final Executor executor;
    private final TranscodeSettings settings;
    private final ByteBufAllocator allocator;
    private final Object lock = new Object();
    private final CompletableFuture<String> terminated = new CompletableFuture<>();
    // queue, guarded by lock: a ring of units and their arrival times
    private final AccessUnit[] ring;
    private final long[] arrivals;
    private int head;
    private int size;
    private boolean scheduled;
    private boolean dropping;
    private boolean started;
    private volatile boolean stopped;
    private String stopReason;
    // worker state: touched by one task at a time
    private HevcDecoder decoder;
    private H264FrameEncoder encoder;
    private int fps;
    private boolean sawKeyframe;
    private long lastKeyframePts = Long.MIN_VALUE;
    private long currentArrival;
    private volatile boolean keyframeRequested;
    // counters
    private final AtomicLong unitsIn = new AtomicLong();
    private final AtomicLong decoded = new AtomicLong();
    private final AtomicLong encoded = new AtomicLong();
    private final AtomicLong droppedVideo = new AtomicLong();
    private final AtomicLong droppedAudio = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong workNanos = new AtomicLong();
    private final AtomicLong workUnits = new AtomicLong();
    private final AtomicLong latencyNanos = new AtomicLong();
    private final AtomicLong maxLatencyNanos = new AtomicLong();
    private volatile String encoderName;
    private volatile int width;
    private volatile int height;

    /** A transcoder of {@code source}; nothing flows before {@link #start()}. */
    public HevcToH264Transcoder(StreamHub source, Executor executor, TranscodeSettings settings,
                                ByteBufAllocator allocator) {
        this.source = source;
        this.output = new StreamHub(outputStreamId(source.streamId()));
        this.executor = executor;
        this.settings = settings;
        this.allocator = allocator;
        this.ring = new AccessUnit[settings.queueCapacity()];
        this.arrivals = new long[settings.queueCapacity()];
    }

    /** The stream ID of the output hub of a transcoder of {@code sourceStreamId}. */
    public static String outputStreamId(String sourceStreamId) {
        return sourceStreamId + "/h264";
    }

    /** Joins the source hub (whose GOP cache gives the first keyframe at once). */
    public HevcToH264Transcoder start() {
        synchronized (lock) {
            if (started || stopped) {
                throw new IllegalStateException("start() once, before stop()");
            }
            started = true;
        }
        source.addSink(this);
        return this;
    }

    /** The H.264 stream; it closes when the transcoder stops. */
    public StreamHub output() {
        return output;
    }

    /** The next picture becomes an IDR picture (a viewer lost one, or just joined). */
    public void requestKeyframe() {
        keyframeRequested = true;
    }

    @Override
    public void onAccessUnit(AccessUnit unit) {
        if (stopped) {
            return;
        }
        unitsIn.incrementAndGet();
        boolean video = unit.codec().isVideo();
        synchronized (lock) {
            if (stopped) {
                return;
            }
            if (video) {
                if (dropping && !unit.keyframe()) {
                    droppedVideo.incrementAndGet();
                    return;
                }
                if (size == ring.length) {
                    dropping = true;
                    droppedVideo.incrementAndGet();
                    return;
                }
                dropping = false;
            } else if (size == ring.length) {
                droppedAudio.incrementAndGet();
                return;
            }
            int tail = (head + size) % ring.length;
            ring[tail] = unit.retain();
            arrivals[tail] = System.nanoTime();
            size++;
            scheduleLocked();
        }
    }

    @Override
    public void onStreamClosed(String reason) {
        stop(reason);
    }

    /**
     * Leaves the source, drops what is queued and closes {@link #output()} with {@code reason}; the
     * codecs are freed on the executor right after the unit in progress. Idempotent, never blocks.
     */
    public void stop(String reason) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            stopReason = reason;
            while (size > 0) {
                poll().release();
            }
            scheduleLocked();
        }
        source.removeSink(this);
    }

    /** Completes with the stop reason once the codecs are freed and the output hub is closed. */
    public CompletableFuture<String> terminated() {
        return terminated;
    }

    public boolean isRunning() {
        return !stopped;
    }

    public TranscoderStats stats() {
        long units = workUnits.get();
        long published = encoded.get();
        int queued;
        synchronized (lock) {
            queued = size;
        }
        return new TranscoderStats(!stopped, encoderName, width, height, unitsIn.get(), decoded.get(), published,
                droppedVideo.get(), droppedAudio.get(), errors.get(), queued,
                units == 0 ? 0 : workNanos.get() / 1e6 / units,
                published == 0 ? 0 : latencyNanos.get() / 1e6 / published, maxLatencyNanos.get() / 1e6);
    }

    private void scheduleLocked() {
        if (scheduled) {
            return;
        }
        scheduled = true;
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) { // the pool is shutting down: finish here
            scheduled = false;
            if (!stopped) {
                stopped = true;
                stopReason = "transcoder pool closed";
                while (size > 0) {
                    poll().release();
                }
            }
            terminate();
        }
    }

    private AccessUnit poll() {
        AccessUnit unit = ring[head];
        ring[head] = null;
        currentArrival = arrivals[head];
        head = (head + 1) % ring.length;
        size--;
        return unit;
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            AccessUnit unit;
            synchronized (lock) {
                if (stopped) {
                    break;
                }
                if (size == 0) {
                    scheduled = false;
                    return;
                }
                unit = poll();
            }
            try {
                process(unit);
            } catch (RuntimeException e) {
                long count = errors.incrementAndGet();
                if (count == 1 || count % 100 == 0) {
                    log.warn("transcoder {}: unit failed ({} so far): {}", output.streamId(), count, e.getMessage());
                }
            } finally {
                unit.release();
            }
        }
        synchronized (lock) {
            if (!stopped) {
                scheduled = false;
                scheduleLocked(); // more queued: yield, then go on
                return;
            }
        }
        terminate();
    }

    private void process(AccessUnit unit) {
        if (!unit.codec().isVideo()) {
            output.publish(unit);
            return;
        }
        if (unit.codec() != Codec.H265) {
            throw new IllegalArgumentException("not H.265 but " + unit.codec());
        }
        if (!sawKeyframe) {
            if (!unit.keyframe()) {
                return; // a decoder needs an IRAP picture first
            }
            sawKeyframe = true;
        }
        if (decoder == null) {
            fps = fpsOf(unit);
            decoder = new HevcDecoder();
            encoder = new H264FrameEncoder(settings, allocator);
        }
        long begin = System.nanoTime();
        try {
            decoder.decode(unit, this::encode);
        } finally {
            workNanos.addAndGet(System.nanoTime() - begin);
            workUnits.incrementAndGet();
        }
    }

    private void encode(AVFrame picture) {
        decoded.incrementAndGet();
        long pts = picture.pts() != avutil.AV_NOPTS_VALUE ? picture.pts() : picture.best_effort_timestamp();
        boolean sourceKey = (picture.flags() & FRAME_FLAG_KEY) != 0;
        boolean key = sourceKey || keyframeRequested || lastKeyframePts == Long.MIN_VALUE
                || pts - lastKeyframePts >= settings.maxKeyframeInterval90k() || pts < lastKeyframePts;
        AccessUnit out = encoder.encode(picture, pts, fps, key);
        if (out == null) {
            return;
        }
        try {
            if (out.keyframe()) {
                keyframeRequested = false;
                lastKeyframePts = out.pts();
            }
            encoderName = encoder.encoderName();
            width = encoder.width();
            height = encoder.height();
            output.publish(out);
            encoded.incrementAndGet();
            long latency = System.nanoTime() - currentArrival;
            latencyNanos.addAndGet(latency);
            maxLatencyNanos.accumulateAndGet(latency, Math::max);
        } finally {
            out.release();
        }
    }

    private int fpsOf(AccessUnit keyframe) {
        try {
            VideoParameters parameters = VideoParameters.fromAccessUnit(keyframe);
            if (parameters != null && parameters.fps() >= 1) {
                return (int) Math.min(120, Math.round(parameters.fps()));
            }
        } catch (RuntimeException e) {
            log.debug("transcoder {}: SPS not parsable: {}", output.streamId(), e.getMessage());
        }
        return settings.defaultFps();
    }

    /** The last task: frees the codecs, closes the output. */
    private void terminate() {
        if (decoder != null) {
            decoder.close();
            decoder = null;
        }
        if (encoder != null) {
            encoder.close();
            encoder = null;
        }
        String reason;
        synchronized (lock) {
            reason = stopReason;
        }
        output.close(reason);
        log.debug("transcoder {} stopped ({}): {}", output.streamId(), reason, stats());
        terminated.complete(reason);
    }
}
