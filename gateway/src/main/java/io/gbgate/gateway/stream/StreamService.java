package io.gbgate.gateway.stream;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.media.AccessUnit;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hls.HlsSettings;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.hub.StreamSink;
import io.gbgate.media.ingest.IngestObserver;
import io.gbgate.media.ingest.PsOverRtpIngest;
import io.gbgate.sip.id.GbDomain;
import io.gbgate.sip.platform.InviteAnswer;
import io.gbgate.sip.platform.InviteRequest;
import io.gbgate.sip.platform.SessionType;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.sdp.Ssrc;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
    }

    /** A viewer's place in a running stream. */
    public record PlayTicket(LiveStream stream, String viewerId) {
    }

    private final GbgateProperties props;
    private final SipPlatform sip;
    private final IngestEndpoints endpoints;
    private final String mediaIp;
    private final ChannelLocator channels;
    private final TransportPolicy transports;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final SsrcAllocator ssrcs;
    private final PlayFailureMessages messages;
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
        this.sip = sip;
        this.endpoints = endpoints;
        this.mediaIp = mediaIp;
        this.channels = channels;
        this.transports = transports;
        this.scheduler = scheduler;
        this.clock = clock;
        this.ssrcs = new SsrcAllocator(GbDomain.of(props.sip().domain()), props.media().sharedPortSsrcs());
        this.messages = new PlayFailureMessages(mediaIp, endpoints.udpReceiver());
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
        startAttempt(stream, transport, mayFallBack);
        return stream;
    }

    private void startAttempt(LiveStream stream, MediaTransport transport, boolean mayFallBack) {
        HistorySession history = stream.playback() == null ? null : stream.playback().session();
        Ssrc reserved = transport == MediaTransport.UDP ? ssrcs.reserve(history != null) : null;
        Ssrc ssrc = reserved != null ? reserved : ssrcs.any(history != null);
        PlayAttempt attempt = new PlayAttempt(transport, ssrc, null);
        attempt.ssrcReserved(reserved != null);
        PsOverRtpIngest ingest = new PsOverRtpIngest(stream.hub(), PooledByteBufAllocator.DEFAULT,
                observerFor(stream, attempt));
        attempt.ingest(ingest);
        stream.attempt(attempt);
        try {
            switch (transport) {
                case UDP -> attempt.endpoint(reserved != null
                        ? endpoints.udp(ssrc.rtpValue(), ingest)
                        : endpoints.udpDedicated(ssrc.rtpValue(), ingest)); // shared port's SSRCs used up
                case TCP_PASSIVE -> attempt.endpoint(endpoints.tcpPassive(ingest));
                case TCP_ACTIVE -> { } // the endpoint is the connection made once the device answered
            }
        } catch (RuntimeException e) {
            // not inline: this may run inside byChannel.compute, which must not be re-entered
            scheduler.execute(() -> fail(stream, PlayFailure.NOT_SENT,
                    "no local RTP endpoint for " + transport.token() + ": " + e.getMessage()));
            return;
        }
        int offerPort = attempt.endpoint() != null ? attempt.endpoint().localPort() : endpoints.placeholderPort();
        stream.diagnosis().reach(PlayStage.INVITE_SENT);
        log.info("play {}: INVITE ({}) device {} channel {} over {}, media {}:{} ssrc {}", stream.streamId(),
                history == null ? "live" : history.type().sdpName(), stream.deviceId(), stream.channelId(),
                transport.token(), mediaIp, offerPort, ssrc);
        InviteRequest invite = history == null
                ? InviteRequest.play(stream.deviceId(), stream.channelId(), mediaIp, offerPort, ssrc.digits(),
                transport.toGb())
                : history.invite(stream.deviceId(), stream.channelId(), mediaIp, offerPort, ssrc.digits(), transport);
        sip.invite(invite).whenCompleteAsync((answer, error) -> { // async: may fail at once, inside compute
                    if (error != null) {
                        inviteFailed(stream, attempt, error instanceof CompletionException ? error.getCause() : error);
                    } else {
                        answered(stream, attempt, answer);
                    }
                }, scheduler);
        scheduler.schedule(() -> readyTimedOut(stream, attempt), props.play().readyTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        if (mayFallBack) {
            scheduler.schedule(() -> fallBackIfSilent(stream, attempt), props.play().udpFallbackAfter().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private IngestObserver observerFor(LiveStream stream, PlayAttempt attempt) {
        return new IngestObserver() {
            @Override
            public void firstPacket(InetSocketAddress sender, long ssrc) {
                if (stream.attempt() == attempt) {
                    stream.diagnosis().firstRtp(sender.getAddress().getHostAddress() + ":" + sender.getPort(), ssrc);
                }
            }

            @Override
            public void firstKeyframe(AccessUnit keyframe) {
                try {
                    stream.video(VideoParameters.fromAccessUnit(keyframe));
                } catch (RuntimeException e) {
                    log.debug("stream {}: SPS not parsable: {}", stream.streamId(), e.getMessage());
                }
                stream.diagnosis().reach(PlayStage.FIRST_KEYFRAME);
                stream.diagnosis().reach(PlayStage.READY);
                stream.ready().complete(stream);
            }
        };
    }

    private void answered(LiveStream stream, PlayAttempt attempt, InviteAnswer answer) {
        attempt.callId(answer.callId());
        if (attempt.isStopped()) { // the stream ended or fell back while the INVITE was out
            sip.bye(answer.callId());
            return;
        }
        stream.diagnosis().reach(PlayStage.ANSWERED);
        stream.diagnosis().reach(PlayStage.ACK_SENT);
        String deviceSsrc = answer.ssrcFromDevice();
        if (deviceSsrc != null && !deviceSsrc.equals(attempt.ssrc().digits())) {
            attempt.deviceSsrc(deviceSsrc); // devices may stream with their own SSRC: follow the 200 OK
            if (attempt.endpoint() instanceof UdpIngestEndpoint udp) {
                try {
                    udp.alsoAccept(Ssrc.of(deviceSsrc).rtpValue());
                } catch (RuntimeException e) {
                    log.warn("play {}: cannot listen for device SSRC {}: {}", stream.streamId(), deviceSsrc, e.getMessage());
                }
            }
        }
        if (attempt.transport() == MediaTransport.TCP_ACTIVE) {
            InetSocketAddress device = new InetSocketAddress(answer.deviceMediaIp(), answer.deviceMediaPort());
            endpoints.tcpActive(device, attempt.ingest()).whenCompleteAsync((endpoint, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    fail(stream, PlayFailure.NO_RTP, "the device answered with RTP/TCP at " + device
                            + " but the gateway cannot connect: " + cause.getMessage());
                } else if (attempt.isStopped()) {
                    endpoint.close();
                } else {
                    attempt.endpoint(endpoint);
                    watchDeviceClose(stream, attempt, endpoint);
                }
            }, scheduler);
        } else {
            watchDeviceClose(stream, attempt, attempt.endpoint());
        }
        if (stream.playback() == null) {
            requestKeyframe(stream);
        }
    }

    private void watchDeviceClose(LiveStream stream, PlayAttempt attempt, IngestEndpoint endpoint) {
        endpoint.closedByDevice().thenAcceptAsync(reason -> {
            if (stream.attempt() == attempt && !attempt.isStopped()) {
                end(stream, reason);
            }
        }, scheduler);
    }

    /** Asks for a keyframe (IFameCmd) so the first picture comes without waiting a whole GOP. */
    private void requestKeyframe(LiveStream stream) {
        sip.sendKeyframeRequest(stream.deviceId(), stream.channelId()).whenComplete((result, error) ->
                stream.keyframeRequest(error != null ? "no answer: " + error.getMessage()
                        : result.ok() ? "OK" : "device answered " + result.result()));
    }

    private void inviteFailed(LiveStream stream, PlayAttempt attempt, Throwable error) {
        if (attempt.isStopped()) {
            return;
        }
        PlayFailureMessages.Failure failure = messages.inviteFailed(stream, error);
        fail(stream, failure.cause(), failure.message());
    }

    private void fallBackIfSilent(LiveStream stream, PlayAttempt attempt) {
        if (stream.isEnded() || attempt.isStopped() || stream.diagnosis().hasReached(PlayStage.FIRST_RTP)
                || !stream.diagnosis().hasReached(PlayStage.ANSWERED)) {
            return;
        }
        String outcome = "no RTP over UDP within " + props.play().udpFallbackAfter().toMillis()
                + " ms; retried over TCP passive";
        attempt.outcome(outcome);
        log.info("play {}: {}", stream.streamId(), outcome);
        stopAttempt(attempt, true);
        stream.diagnosis().newAttempt(attempt.transport().token(), outcome);
        startAttempt(stream, MediaTransport.TCP_PASSIVE, false);
    }

    private void readyTimedOut(LiveStream stream, PlayAttempt attempt) {
        if (stream.ready().isDone() || stream.isEnded() || stream.attempt() != attempt) {
            return;
        }
        PlayFailureMessages.Failure failure = messages.notReady(stream, attempt, props.play().readyTimeout());
        fail(stream, failure.cause(), failure.message());
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
                stream.viewers().expire(props.play().viewerIdleTimeout().toNanos(), now);
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

    private void stopAttempt(PlayAttempt attempt, boolean sendBye) {
        if (!attempt.stop()) {
            return;
        }
        if (attempt.endpoint() != null) {
            attempt.endpoint().close(); // returns once no packet of it is in flight
        }
        attempt.ingest().close();
        if (attempt.ssrcReserved()) {
            ssrcs.release(attempt.ssrc());
        }
        String callId = attempt.callId();
        if (sendBye && callId != null) {
            sip.bye(callId).exceptionally(e -> {
                log.debug("BYE {} failed: {}", callId, e.toString());
                return null;
            });
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
            stopAttempt(stream.attempt(), true);
        }
        stream.hub().close(reason);
        stream.hls().close();
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
