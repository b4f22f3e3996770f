package io.gbgate.gateway.transcode;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.transcode.HevcToH264Transcoder;
import io.gbgate.media.transcode.TranscodeSettings;
import io.gbgate.media.transcode.TranscoderPool;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * H.264 versions of H.265 streams for viewers that cannot decode HEVC: one transcoder per stream,
 * created when its first such viewer comes, shared by all of them, stopped when the last one leaves
 * or the stream ends. The work runs on one small {@link TranscoderPool} for all streams.
 */
@Service
public class TranscodeService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TranscodeService.class);

    private final TranscoderPool pool;
    private final TranscodeSettings settings;
    private final Map<String, Entry> byStream = new HashMap<>();

    public TranscodeService(TranscodeProperties props, StreamService streams) {
        this.pool = new TranscoderPool(props.threads() > 0 ? props.threads() : TranscoderPool.defaultThreads());
        TranscodeSettings defaults = TranscodeSettings.defaults();
        this.settings = new TranscodeSettings(props.queueUnits(), props.maxKeyframeInterval().toMillis() * 90,
                props.bitsPerPixel(), defaults.minBitrate(), defaults.defaultFps());
        streams.addLifecycleListener(new StreamService.LifecycleListener() {
            @Override
            public void ended(LiveStream stream) {
                streamEnded(stream);
            }
        });
    }

    /** A viewer's use of a transcoder; {@link #release()} when it leaves. */
    public interface Lease {
        /** The H.264 stream to attach the viewer's sink to. */
        StreamHub hub();

        /** The next H.264 picture becomes an IDR picture. */
        void requestKeyframe();

        /** The viewer left; the last one stops the transcoder. Idempotent. */
        void release();
    }

    /** True when {@code stream} is H.265 and the viewer wants {@link ClientCodec#H264}. */
    public boolean needed(LiveStream stream, ClientCodec wanted) {
        VideoParameters video = stream.video();
        return wanted == ClientCodec.H264 && video != null && video.codec() == Codec.H265;
    }

    /** Joins {@code holder} to {@code stream}'s transcoder, starting one if none runs. */
    public Lease acquire(LiveStream stream, String holder) {
        Entry entry;
        synchronized (this) {
            entry = byStream.get(stream.streamId());
            if (entry == null || !entry.transcoder.isRunning()) {
                entry = new Entry(stream.streamId(), new HevcToH264Transcoder(stream.hub(), pool, settings,
                        PooledByteBufAllocator.DEFAULT));
                byStream.put(stream.streamId(), entry);
                entry.transcoder.start();
                log.info("stream {}: H.264 transcoder started for {}", stream.streamId(), holder);
            }
            entry.holders.add(holder);
        }
        Entry joined = entry;
        return new Lease() {
            @Override
            public StreamHub hub() {
                return joined.transcoder.output();
            }

            @Override
            public void requestKeyframe() {
                joined.transcoder.requestKeyframe();
            }

            @Override
            public void release() {
                TranscodeService.this.release(joined, holder);
            }
        };
    }

    /** The stream's transcoder now, or empty when none runs. */
    public synchronized Optional<TranscodeView> state(String streamId) {
        Entry entry = byStream.get(streamId);
        return entry == null ? Optional.empty()
                : Optional.of(new TranscodeView(entry.holders.size(), entry.transcoder.stats()));
    }

    /** Transcoders running now. */
    public synchronized int running() {
        return byStream.size();
    }

    private void release(Entry entry, String holder) {
        synchronized (this) {
            if (!entry.holders.remove(holder) || !entry.holders.isEmpty()) {
                return;
            }
            byStream.remove(entry.streamId, entry);
        }
        entry.transcoder.stop("no H.264 viewer left");
        log.info("stream {}: H.264 transcoder stopped, last viewer left: {}", entry.streamId,
                entry.transcoder.stats());
    }

    private void streamEnded(LiveStream stream) {
        Entry entry;
        synchronized (this) {
            entry = byStream.remove(stream.streamId());
        }
        if (entry != null) {
            entry.transcoder.stop(stream.endReason());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            byStream.values().forEach(e -> e.transcoder.stop("gateway shutting down"));
            byStream.clear();
        }
        pool.close();
    }

    private static final class Entry {
        final String streamId;
        final HevcToH264Transcoder transcoder;
        final Set<String> holders = new HashSet<>();

        Entry(String streamId, HevcToH264Transcoder transcoder) {
            this.streamId = streamId;
            this.transcoder = transcoder;
        }
    }
}
