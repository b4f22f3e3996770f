package io.gbgate.gateway.hls;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.transcode.TranscodeService;
import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hls.HlsSettings;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * MPEG-TS HLS of the H.264 transcode of H.265 streams ({@code ?codec=h264}), for browsers whose Media
 * Source Extensions cannot take HEVC. One segmenter per stream on the transcoder's hub, holding one
 * {@link TranscodeService.Lease} while any HLS viewer keeps fetching its playlist or segments; released
 * when nobody fetched for {@code gbgate.play.viewer-idle-timeout} (as the stream's own HLS viewers
 * expire), when the transcoder stopped, or when the stream ended.
 */
@Component
public class TranscodedHls {
    private static final Logger log = LoggerFactory.getLogger(TranscodedHls.class);
    private final AtomicLong outputs = new AtomicLong();

    private final TranscodeService transcodes;
    private final HlsSettings settings;
    private final long idleNanos;
    private final Map<String, Output> byStream = new HashMap<>();

    public TranscodedHls(TranscodeService transcodes, StreamService streams, GbgateProperties props,
                         ScheduledExecutorService gatewayScheduler) {
        this.transcodes = transcodes;
        this.settings = new HlsSettings(props.hls().segmentDuration(), props.hls().windowSegments(),
                HlsSettings.DEFAULT_MAX_SEGMENT_BYTES);
        this.idleNanos = props.play().viewerIdleTimeout().toNanos();
        gatewayScheduler.scheduleWithFixedDelay(() -> expireIdle(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
        streams.addLifecycleListener(new StreamService.LifecycleListener() {
            @Override
            public void ended(LiveStream stream) {
                Output output;
                synchronized (TranscodedHls.this) {
                    output = byStream.remove(stream.streamId());
                }
                if (output != null) {
                    output.close();
                }
            }
        });
    }

    /** The H.264 segmenter of running H.265 {@code stream}, started on first use; a fetch keeps it alive. */
    public HlsSegmenter segmenter(LiveStream stream) {
        Output stale = null;
        Output output;
        synchronized (this) {
            output = byStream.get(stream.streamId());
            if (output != null && output.lease.hub().isClosed()) { // the transcoder stopped under it
                stale = byStream.remove(stream.streamId());
                output = null;
            }
            if (output == null) {
                TranscodeService.Lease lease = transcodes.acquire(stream, "hls:h264:" + outputs.incrementAndGet());
                HlsSegmenter segmenter = new HlsSegmenter(settings, PooledByteBufAllocator.DEFAULT);
                output = new Output(lease, segmenter);
                byStream.put(stream.streamId(), output);
                lease.hub().addSink(segmenter);
                lease.requestKeyframe();
                log.info("stream {}: H.264 HLS started", stream.streamId());
            }
            output.lastFetchNanos = System.nanoTime();
        }
        if (stale != null) {
            stale.close();
        }
        return output.segmenter;
    }

    /** True while {@code streamId} has an H.264 HLS output. */
    public synchronized boolean active(String streamId) {
        return byStream.containsKey(streamId);
    }

    /**
     * Ends the outputs nobody fetched from for the viewer-idle timeout before {@code nowNanos} (and those
     * whose transcoder stopped), releasing their transcoder leases. Runs every second.
     */
    public void expireIdle(long nowNanos) {
        List<Output> ended = new ArrayList<>();
        synchronized (this) {
            byStream.values().removeIf(output -> {
                boolean over = nowNanos - output.lastFetchNanos > idleNanos || output.lease.hub().isClosed();
                if (over) {
                    ended.add(output);
                }
                return over;
            });
        }
        for (Output output : ended) {
            log.info("H.264 HLS of {} ended: no HLS viewer fetched for {} s", output.lease.hub().streamId(),
                    TimeUnit.NANOSECONDS.toSeconds(idleNanos));
            output.close();
        }
    }

    private static final class Output {
        final TranscodeService.Lease lease;
        final HlsSegmenter segmenter;
        long lastFetchNanos; // guarded by TranscodedHls.this

        Output(TranscodeService.Lease lease, HlsSegmenter segmenter) {
            this.lease = lease;
            this.segmenter = segmenter;
        }

        void close() {
            lease.hub().removeSink(segmenter);
            segmenter.close();
            lease.release();
        }
    }
}
