package io.gbgate.gateway.metrics;

import io.gbgate.gateway.recording.RecordingService;
import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.media.rtp.RtpDropReason;
import io.gbgate.media.rtp.UdpRtpReceiver;
import io.gbgate.media.webrtc.WebRtcServer;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.storage.webhook.DeliveryState;
import io.gbgate.storage.webhook.WebhookOutbox;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * The gateway's own meters, read when the registry is scraped (nothing is counted twice on the media path):
 * devices by state, streams by kind and their viewers, the shared RTP port's registrations and drops by
 * reason, WebRTC sessions, the webhook outbox's pending and dead deliveries, and recording's disk alarm,
 * free space and writer counters. Served at {@code /actuator/prometheus} beside the JVM, Tomcat and pool
 * meters Spring Boot adds.
 */
@Component
public class GatewayMetrics implements MeterBinder {
    private final SipPlatform sip;
    private final StreamService streams;
    private final UdpRtpReceiver rtp;
    private final WebRtcServer webRtc;
    private final WebhookOutbox outbox;
    private final RecordingService recording;

    public GatewayMetrics(SipPlatform sip, StreamService streams, UdpRtpReceiver rtp, WebRtcServer webRtc,
                          WebhookOutbox outbox, RecordingService recording) {
        this.sip = sip;
        this.streams = streams;
        this.rtp = rtp;
        this.webRtc = webRtc;
        this.outbox = outbox;
        this.recording = recording;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        devices(registry, "online", RegisteredDevice::online);
        devices(registry, "offline", device -> !device.online());
        streams(registry, "live", stream -> stream.playback() == null);
        streams(registry, "history", stream -> stream.playback() != null);
        Gauge.builder("gbgate.stream.viewers", streams, s -> s.streams().stream()
                        .mapToInt(LiveStream::viewerCount).sum())
                .description("Play viewers of all running streams").register(registry);

        Gauge.builder("gbgate.rtp.registrations", rtp, UdpRtpReceiver::registrations)
                .description("Streams registered on the shared UDP RTP port").register(registry);
        FunctionCounter.builder("gbgate.rtp.dropped", rtp, UdpRtpReceiver::unknownSsrcDrops)
                .description("RTP packets dropped on the shared UDP port, by reason").tag("reason", "unknown_ssrc")
                .register(registry);
        for (RtpDropReason reason : RtpDropReason.values()) {
            FunctionCounter.builder("gbgate.rtp.dropped", rtp, receiver -> receiver.drops(reason))
                    .description("RTP packets dropped on the shared UDP port, by reason")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT)).register(registry);
        }

        Gauge.builder("gbgate.webrtc.sessions", webRtc, server -> server.sessions().size())
                .description("Open WebRTC (WHEP) sessions").register(registry);

        for (DeliveryState state : new DeliveryState[] {DeliveryState.PENDING, DeliveryState.DEAD}) {
            Gauge.builder("gbgate.webhook.deliveries", outbox, o -> o.count(state))
                    .description("Webhook deliveries waiting to be acknowledged (pending) or given up (dead)")
                    .tag("state", state.code()).register(registry);
        }

        Gauge.builder("gbgate.recording.disk.alarm", recording, r -> r.diskAlarm() == null ? 0 : 1)
                .description("1 while recording is stopped by the disk alarm").register(registry);
        Gauge.builder("gbgate.recording.disk.free", recording, RecordingService::diskFreeBytes).baseUnit("bytes")
                .description("Usable space in the data directory").register(registry);
        writerCounter(registry, "gbgate.recording.segments.written", r -> r.writerStats().segmentsWritten(),
                "Recorded segments written to disk");
        writerCounter(registry, "gbgate.recording.segments.dropped", r -> r.writerStats().segmentsDropped(),
                "Recorded segments dropped (writer queue full or write failed)");
    }

    private void devices(MeterRegistry registry, String state, Predicate<RegisteredDevice> in) {
        Gauge.builder("gbgate.devices", sip, platform -> platform.devices().stream().filter(in).count())
                .description("Registered devices by state").tag("state", state).register(registry);
    }

    private void streams(MeterRegistry registry, String kind, Predicate<LiveStream> in) {
        Gauge.builder("gbgate.streams", streams, service -> service.streams().stream().filter(in).count())
                .description("Running streams: live, or playback and download of device recordings")
                .tag("kind", kind).register(registry);
    }

    private void writerCounter(MeterRegistry registry, String name, ToDoubleFunction<RecordingService> value,
                               String description) {
        FunctionCounter.builder(name, recording, value).description(description).register(registry);
    }
}
