package io.gbgate.gateway.hls;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.gateway.stream.FetchedOutputs;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.transcode.TranscodeService;
import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hls.HlsSettings;
import io.netty.buffer.PooledByteBufAllocator;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
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
    private final AtomicLong started = new AtomicLong();

    private final TranscodeService transcodes;
    private final HlsSettings settings;
    private final FetchedOutputs<Output> outputs;

    public TranscodedHls(TranscodeService transcodes, StreamService streams, GbgateProperties props,
                         ScheduledExecutorService gatewayScheduler) {
        this.transcodes = transcodes;
        this.settings = new HlsSettings(props.hls().segmentDuration(), props.hls().windowSegments(),
                HlsSettings.DEFAULT_MAX_SEGMENT_BYTES);
        this.outputs = new FetchedOutputs<>("H.264 HLS", props.play().viewerIdleTimeout(), gatewayScheduler,
                Duration.ofSeconds(1));
        streams.addLifecycleListener(new StreamService.LifecycleListener() {
            @Override
            public void ended(LiveStream stream) {
                outputs.end(stream.streamId());
            }
        });
    }

    /** The H.264 segmenter of running H.265 {@code stream}, started on first use; a fetch keeps it alive. */
    public HlsSegmenter segmenter(LiveStream stream) {
        return outputs.fetch(stream.streamId(), () -> start(stream)).segmenter();
    }

    /** True while {@code streamId} has an H.264 HLS output. */
    public boolean active(String streamId) {
        return outputs.existing(streamId).isPresent();
    }

    /**
     * Ends the outputs nobody fetched from for the viewer-idle timeout before {@code nowNanos} (and those
     * whose transcoder stopped), releasing their transcoder leases. Runs every second.
     */
    public void expireIdle(long nowNanos) {
        outputs.expireIdle(nowNanos);
    }

    @PreDestroy
    void stop() {
        outputs.close();
    }

    private Output start(LiveStream stream) {
        TranscodeService.Lease lease = transcodes.acquire(stream, "hls:h264:" + started.incrementAndGet());
        HlsSegmenter segmenter = new HlsSegmenter(settings, PooledByteBufAllocator.DEFAULT);
        lease.hub().addSink(segmenter);
        lease.requestKeyframe();
        log.info("stream {}: H.264 HLS started", stream.streamId());
        return new Output(lease, segmenter);
    }

    private record Output(TranscodeService.Lease lease, HlsSegmenter segmenter) implements FetchedOutputs.Output {
        @Override
        public boolean stale() {
            return lease.hub().isClosed(); // the transcoder stopped under it
        }

        @Override
        public void close() {
            lease.hub().removeSink(segmenter);
            segmenter.close();
            lease.release();
        }
    }
}
