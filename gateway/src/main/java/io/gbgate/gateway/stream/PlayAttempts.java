package io.gbgate.gateway.stream;

import io.gbgate.gateway.config.GbgateProperties;
import io.gbgate.media.AccessUnit;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.ingest.IngestObserver;
import io.gbgate.media.ingest.PsOverRtpIngest;
import io.gbgate.sip.platform.InviteAnswer;
import io.gbgate.sip.platform.InviteRequest;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.sdp.Ssrc;
import io.netty.buffer.PooledByteBufAllocator;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One media session of a stream with its device: the local RTP endpoint, the INVITE (live, playback or download),
 * the answer (device SSRC, RTP over TCP active), the keyframe request, and what ends it: no answer, no RTP in
 * time (a UDP attempt then falls back once to TCP passive), the device closing the connection, or BYE.
 */
final class PlayAttempts {
    private static final Logger log = LoggerFactory.getLogger(PlayAttempts.class);

    /** How an attempt ends its stream; implemented by {@link StreamService}. */
    interface StreamEnding {
        /** The play failed: its future completes with a {@link PlayFailedException}, then the stream ends. */
        void fail(LiveStream stream, PlayFailure cause, String message);

        /** The stream ends for everyone with {@code reason}. */
        void end(LiveStream stream, String reason);
    }

    private final GbgateProperties props;
    private final SipPlatform sip;
    private final IngestEndpoints endpoints;
    private final String mediaIp;
    private final ScheduledExecutorService scheduler;
    private final SsrcAllocator ssrcs;
    private final PlayFailureMessages messages;
    private final StreamEnding ending;

    PlayAttempts(GbgateProperties props, SipPlatform sip, IngestEndpoints endpoints, String mediaIp,
                 ScheduledExecutorService scheduler, SsrcAllocator ssrcs, PlayFailureMessages messages,
                 StreamEnding ending) {
        this.props = props;
        this.sip = sip;
        this.endpoints = endpoints;
        this.mediaIp = mediaIp;
        this.scheduler = scheduler;
        this.ssrcs = ssrcs;
        this.messages = messages;
        this.ending = ending;
    }

    /** Starts an attempt over {@code transport}; a silent UDP attempt falls back to TCP passive if allowed. */
    void start(LiveStream stream, MediaTransport transport, boolean mayFallBack) {
        HistorySession history = stream.playback() == null ? null : stream.playback().session();
        Ssrc reserved = transport == MediaTransport.UDP ? ssrcs.reserve(history != null) : null;
        Ssrc ssrc = reserved != null ? reserved : ssrcs.any(history != null);
        PlayAttempt attempt = new PlayAttempt(transport, ssrc, null);
        attempt.ssrcReserved(reserved != null);
        PsOverRtpIngest ingest = new PsOverRtpIngest(stream.hub(), PooledByteBufAllocator.DEFAULT,
                observerFor(stream, attempt), props.media().aacFromG711());
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
            scheduler.execute(() -> ending.fail(stream, PlayFailure.NOT_SENT,
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
                    ending.fail(stream, PlayFailure.NO_RTP, "the device answered with RTP/TCP at " + device
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
                ending.end(stream, reason);
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
        ending.fail(stream, failure.cause(), failure.message());
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
        stop(attempt, true);
        stream.diagnosis().newAttempt(attempt.transport().token(), outcome);
        start(stream, MediaTransport.TCP_PASSIVE, false);
    }

    private void readyTimedOut(LiveStream stream, PlayAttempt attempt) {
        if (stream.ready().isDone() || stream.isEnded() || stream.attempt() != attempt) {
            return;
        }
        PlayFailureMessages.Failure failure = messages.notReady(stream, attempt, props.play().readyTimeout());
        ending.fail(stream, failure.cause(), failure.message());
    }

    /** Stops an attempt once: closes its endpoint and ingest, frees its SSRC, and sends BYE if asked. */
    void stop(PlayAttempt attempt, boolean sendBye) {
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
}
