package io.gbgate.gateway.stream;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hls.HlsSettings;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.ingest.PsOverRtpIngest;
import io.gbgate.sip.id.GbDomain;
import io.gbgate.sip.platform.SessionType;
import io.gbgate.sip.platform.SipPlatform;
import io.netty.buffer.PooledByteBufAllocator;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live streams by channel, on demand: the first viewer's play INVITEs the device and builds the
 * ingest (RTP over UDP or TCP -> PS demux -> hub -> HLS); later plays join the running stream;
 * when the last viewer left, the device gets its BYE after a grace period. A UDP play that
 * brings no RTP in time is retried once over TCP passive. Every failure names its stage.
 * Playbacks and downloads of the device's recordings ({@link #history}) are streams of their own,
 * keyed by stream ID only, with a history SSRC and a {@link PlaybackState}.
 */
public final class StreamService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamService.class);
    private static final int RECENTLY_ENDED = 200;
    /** After a file-end notification, RTP still in flight gets this long before the BYE. */
    private static final long FILE_END_DRAIN_MILLIS = 500;
    /** Reason a history stream ends with when the device reported the end of the recording. */
    public static final String END_OF_RECORDING = "end of recording";

    /**
     * Told when a stream is created (before its INVITE goes out) and when it has ended. Called on
     * the thread that did it, possibly inside the service's own bookkeeping: must not block and
     * must not call back into the service.
     */
    public interface LifecycleListener {
        default void created(LiveStream stream) {
        }

        default void ended(LiveStream stream) {
        }

        /**
         * A play viewer stopped watching without leaving: it went idle, or the stream ended under it
         * ({@code why} says which). A viewer that left by request is not reported.
         */
        default void viewerGone(LiveStream stream, String viewerId, String why) {
        }
    }

    /** A viewer's place in a running stream. */
    public record PlayTicket(LiveStream stream, String viewerId) {
    }

    private final GbgateProperties props;
    private final ChannelLocator channels;
    private final TransportPolicy transports;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final PlayAttempts attempts;
    private final Map<String, LiveStream> byChannel = new ConcurrentHashMap<>();
    private final Map<String, LiveStream> byId = new ConcurrentHashMap<>();
    private final List<LifecycleListener> lifecycle = new CopyOnWriteArrayList<>();
    /** The last ended streams, so a failed play can still be inspected by its ID. */
    private final Map<String, LiveStream> recentlyEnded = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, LiveStream> eldest) {
                    return size() > RECENTLY_ENDED;
                }
            });

    public StreamService(GbgateProperties props, SipPlatform sip, IngestEndpoints endpoints, String mediaIp,
                         ChannelLocator channels, TransportPolicy transports, ScheduledExecutorService scheduler,
                         Clock clock) {
        this.props = props;
        this.channels = channels;
        this.transports = transports;
        this.scheduler = scheduler;
        this.clock = clock;
        this.attempts = new PlayAttempts(props, sip, endpoints, mediaIp, scheduler,
                new SsrcAllocator(GbDomain.of(props.sip().domain()), props.media().sharedPortSsrcs()),
                new PlayFailureMessages(mediaIp, endpoints.udpReceiver()), new PlayAttempts.StreamEnding() {
                    @Override
                    public void fail(LiveStream stream, PlayFailure cause, String message) {
                        StreamService.this.fail(stream, cause, message);
                    }

                    @Override
                    public void end(LiveStream stream, String reason) {
                        StreamService.this.end(stream, reason);
                    }
                });
        scheduler.scheduleWithFixedDelay(this::maintain, 1, 1, TimeUnit.SECONDS);
    }

    /**
     * Adds a viewer to {@code channelId}'s stream, starting it if needed over {@code transport}
     * (null: the device's default). Completes once the first keyframe arrived, or exceptionally
     * with a {@link PlayFailedException} naming the stage that failed.
     */
    public CompletableFuture<PlayTicket> play(String channelId, MediaTransport transport) {
        String deviceId = channels.deviceOf(channelId).orElseThrow(() -> new UnknownChannelException(channelId));
        MediaTransport chosen = transport != null ? transport : transports.defaultFor(deviceId);
        LiveStream stream = byChannel.compute(channelId, (id, running) ->
                running != null && !running.isEnded() ? running : start(id, deviceId, chosen, null, null));
        String viewerId = stream.viewers().join(System.nanoTime());
        return stream.ready().thenApply(s -> new PlayTicket(s, viewerId));
    }

    /**
     * Keeps {@code channelId}'s stream running for an internal consumer such as the recorder,
     * starting it if needed; the hold never goes idle and ends with {@link #release}.
     */
    public CompletableFuture<LiveStream> hold(String channelId, String holder) {
        String deviceId = channels.deviceOf(channelId).orElseThrow(() -> new UnknownChannelException(channelId));
        LiveStream stream = byChannel.compute(channelId, (id, running) ->
                running != null && !running.isEnded() ? running
                        : start(id, deviceId, transports.defaultFor(deviceId), null, null));
        stream.viewers().pin(holder);
        return stream.ready();
    }

    /**
     * Starts a playback or download of {@code channelId}'s recordings on the device: a stream of its own (never
     * shared), fed like a live one. A download is pinned (no viewer keeps it up) and gets {@code recorder}
     * attached before the INVITE; a playback has one viewer, the caller. Completes like {@link #play}.
     */
    public CompletableFuture<PlayTicket> history(String channelId, HistorySession session, MediaTransport transport,
                                                 StreamSink recorder) {
        String deviceId = channels.deviceOf(channelId).orElseThrow(() -> new UnknownChannelException(channelId));
        MediaTransport chosen = transport != null ? transport : transports.defaultFor(deviceId);
        LiveStream stream = start(channelId, deviceId, chosen, session, recorder);
        String viewerId;
        if (session.type() == SessionType.DOWNLOAD) {
            viewerId = "download";
            stream.viewers().pin(viewerId);
        } else {
            viewerId = stream.viewers().join(System.nanoTime());
        }
        return stream.ready().thenApply(s -> new PlayTicket(s, viewerId));
    }

    /** Stops one stream (live or history) for everyone at once (BYE). False when it is not running. */
    public boolean stopStream(String streamId, String reason) {
        LiveStream stream = byId.get(streamId);
        if (stream == null) {
            return false;
        }
        end(stream, reason);
        return true;
    }

    /**
     * The device reported the end of the recording (MediaStatus 121) of the history call {@code callId}: the
     * stream ends with {@link #END_OF_RECORDING} once the RTP still in flight arrived.
     */
    public void fileEnded(String callId) {
        for (LiveStream stream : byId.values()) {
            if (stream.playback() != null && callId != null && callId.equals(stream.callId())) {
                scheduler.schedule(() -> end(stream, END_OF_RECORDING), FILE_END_DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Ends a {@link #hold}; the stream stays for the grace period if nobody else watches. */
    public void release(String channelId, String holder) {
        LiveStream stream = byChannel.get(channelId);
        if (stream != null) {
            stream.viewers().leave(holder, System.nanoTime());
        }
    }

    /**
     * Keeps this very stream (live or playback) up while an output such as a WebRTC session or an
     * FLV subscriber uses it; ends with {@link #unpin}.
     */
    public void pin(LiveStream stream, String holder) {
        stream.viewers().pin(holder);
    }

    /**
     * Like {@link #pin(LiveStream, String)} for an output that serves the play viewer {@code viewerId} (null:
     * none known, e.g. a client that authenticated with the API token): while it holds, that viewer does not
     * go idle even though its player fetches nothing from the gateway's HTTP side.
     */
    public void pin(LiveStream stream, String holder, String viewerId) {
        stream.viewers().pin(holder, viewerId);
    }

    /** Ends a {@link #pin}; the stream stays for the grace period if nobody else watches. */
    public void unpin(LiveStream stream, String holder) {
        stream.viewers().leave(holder, System.nanoTime());
    }

    public void addLifecycleListener(LifecycleListener listener) {
        lifecycle.add(listener);
    }

    /** A running stream by ID. */
    public Optional<LiveStream> stream(String streamId) {
        return Optional.ofNullable(byId.get(streamId));
    }

    /** A running stream by ID, or one of the last ended ones (with its end reason). */
    public Optional<LiveStream> runningOrEnded(String streamId) {
        LiveStream running = byId.get(streamId);
        return running != null ? Optional.of(running) : Optional.ofNullable(recentlyEnded.get(streamId));
    }

    public Collection<LiveStream> streams() {
        return List.copyOf(byId.values());
    }

    /** The viewer's player fetched something: it is still watching. */
    public void viewerSeen(String streamId, String viewerId) {
        LiveStream stream = byId.get(streamId);
        if (stream != null && viewerId != null) {
            stream.viewers().touch(viewerId, System.nanoTime());
        }
    }

    /** The viewer left; the stream stays for the grace period after the last one. */
    public boolean leave(String channelId, String viewerId) {
        LiveStream stream = byChannel.get(channelId);
        return stream != null && stream.viewers().leave(viewerId, System.nanoTime());
    }

    /** Stops the channel's stream for every viewer at once (BYE). False when none was running. */
    public boolean stop(String channelId, String reason) {
        LiveStream stream = byChannel.get(channelId);
        if (stream == null) {
            return false;
        }
        end(stream, reason);
        return true;
    }

    /** The device went offline: its streams end and their viewers are told why. */
    public void deviceOffline(String deviceId, String reason) {
        for (LiveStream stream : byId.values()) {
            if (stream.deviceId().equals(deviceId)) {
                end(stream, "device " + deviceId + " went offline: " + reason);
            }
        }
    }

    /** The device hung up the dialog {@code callId}. */
    public void byeFromDevice(String callId, String reason) {
        for (LiveStream stream : byId.values()) {
            PlayAttempt attempt = stream.attempt();
            if (attempt != null && callId.equals(attempt.callId())) {
                attempt.callId(null); // the dialog is gone: no BYE back
                end(stream, "device sent BYE" + (reason == null ? "" : ": " + reason));
            }
        }
    }

    private LiveStream start(String channelId, String deviceId, MediaTransport transport, HistorySession history,
                             StreamSink recorder) {
        String streamId = channelId + "-" + UUID.randomUUID().toString().substring(0, 8);
        StreamHub hub = new StreamHub(streamId);
        HlsSegmenter hls = new HlsSegmenter(new HlsSettings(props.hls().segmentDuration(),
                props.hls().windowSegments(), HlsSettings.DEFAULT_MAX_SEGMENT_BYTES), PooledByteBufAllocator.DEFAULT);
        PlaybackState playback = null;
        if (history == null) {
            hub.addSink(hls);
        } else {
            PlaybackTimeline timeline = new PlaybackTimeline(hls);
            hub.addSink(timeline);
            playback = new PlaybackState(history, timeline);
        }
        if (recorder != null) {
            hub.addSink(recorder);
        }
        LiveStream stream = new LiveStream(streamId, channelId, deviceId, hub, hls, new PlayDiagnosis(clock), playback);
        byId.put(streamId, stream);
        lifecycle.forEach(l -> l.created(stream));
        boolean mayFallBack = transport == MediaTransport.UDP && props.play().tcpFallback();
        attempts.start(stream, transport, mayFallBack);
        return stream;
    }

    private void fail(LiveStream stream, PlayFailure cause, String message) {
        PlayDiagnosis d = stream.diagnosis();
        d.fail(message);
        log.warn("play {} failed at stage {}: {}", stream.streamId(), d.lastStage(), message);
        stream.ready().completeExceptionally(
                new PlayFailedException(stream.streamId(), cause, d.lastStage(), d.timingsMillis(), message));
        end(stream, message);
    }

    /** Viewers, grace period, RTP silence and rates, about once a second. */
    private void maintain() {
        long now = System.nanoTime();
        for (LiveStream stream : byId.values()) {
            try {
                stream.rates().sample(stream.hub(), now);
                PlaybackState playback = stream.playback();
                if (playback != null && playback.holdsOpen(now, Math.max(props.play().rtpSilenceTimeout().toNanos(),
                        props.play().viewerIdleTimeout().toNanos()))) {
                    continue; // paused or just resumed: neither RTP silence nor idle viewers end it
                }
                for (String viewerId : stream.viewers().expire(props.play().viewerIdleTimeout().toNanos(), now)) {
                    String why = "idle for " + props.play().viewerIdleTimeout().toSeconds() + " s";
                    lifecycle.forEach(l -> l.viewerGone(stream, viewerId, why));
                }
                long empty = stream.viewers().emptyForNanos(now);
                PsOverRtpIngest ingest = stream.attempt() == null ? null : stream.attempt().ingest();
                if (empty >= props.play().idleGrace().toNanos()) {
                    end(stream, "no viewers for " + props.play().idleGrace().toSeconds() + " s");
                } else if (stream.ready().isDone() && ingest != null && ingest.packets() > 0
                        && now - ingest.lastPacketNanos() > props.play().rtpSilenceTimeout().toNanos()) {
                    end(stream, "no RTP from the device for " + props.play().rtpSilenceTimeout().toSeconds() + " s");
                }
            } catch (RuntimeException e) {
                log.warn("stream {}: maintenance failed", stream.streamId(), e);
            }
        }
    }

    private void end(LiveStream stream, String reason) {
        synchronized (stream) {
            if (stream.isEnded()) {
                return;
            }
            stream.ended(reason);
        }
        byChannel.remove(stream.channelId(), stream);
        byId.remove(stream.streamId());
        recentlyEnded.put(stream.streamId(), stream);
        if (stream.attempt() != null) {
            attempts.stop(stream.attempt(), true);
        }
        stream.hub().close(reason);
        stream.hls().close();
        for (String viewerId : stream.viewers().viewerIds()) {
            lifecycle.forEach(l -> l.viewerGone(stream, viewerId, "stream ended: " + reason));
        }
        lifecycle.forEach(l -> l.ended(stream));
        if (!stream.ready().isDone()) {
            stream.ready().completeExceptionally(new PlayFailedException(stream.streamId(), PlayFailure.ENDED,
                    stream.diagnosis().lastStage(), stream.diagnosis().timingsMillis(), reason));
        }
        log.info("stream {} ended: {}", stream.streamId(), reason);
    }

    @Override
    public void close() {
        for (LiveStream stream : byId.values()) {
            end(stream, "gateway shutting down");
        }
    }
}
