package io.gbgate.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every {@code gbgate.*} setting. Spring Boot's relaxed binding makes the environment variables
 * work too ({@code GBGATE_SIP_PORT}, {@code GBGATE_API_TOKEN}, ...). The commented sample in
 * {@code config/application.yml} documents each one.
 */
@ConfigurationProperties("gbgate")
public record GbgateProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Sip sip,
        @DefaultValue Media media,
        @DefaultValue Api api,
        @DefaultValue Hls hls,
        @DefaultValue Play play,
        @DefaultValue Demo demo,
        @DefaultValue Recording recording,
        @DefaultValue Clips clips,
        @DefaultValue ObjectStore objectStore) {

    /** GB28181 signalling: this platform's identity and how devices authenticate. */
    public record Sip(
            @DefaultValue("0.0.0.0") String bindHost,
            @DefaultValue("5060") int port,
            @DefaultValue("44010200492000000001") String id,
            @DefaultValue("4401020049") String domain,
            @DefaultValue("12345678") String password,
            Map<String, String> devicePasswords,
            @DefaultValue("3") int keepaliveMissesBeforeOffline,
            @DefaultValue("60s") Duration defaultKeepaliveInterval,
            @DefaultValue("8s") Duration inviteTimeout,
            /* wrong REGISTER digests for one device from one address within the window that block the pair */
            @DefaultValue("5") int failedDigestsToBlock,
            @DefaultValue("1m") Duration failedDigestWindow,
            @DefaultValue("5m") Duration failedDigestBlock) {
    }

    /** The media plane: where devices send RTP. */
    public record Media(
            /* address announced in SDP; empty means the first non-loopback address, or 127.0.0.1 */
            @DefaultValue("") String ip,
            @DefaultValue("0.0.0.0") String bindHost,
            @DefaultValue("30000") int rtpPort,
            /* ports for RTP over TCP when the gateway listens (tcp-passive), one per stream: "first-last" */
            @DefaultValue("30100-31099") String tcpPortRange,
            /* transport of a play that names none: udp, tcp-passive or tcp-active */
            @DefaultValue("udp") String defaultTransport,
            /* per-device transport, e.g. {"34020000001320000001": "tcp-passive"} */
            Map<String, String> deviceTransports,
            @DefaultValue("5s") Duration tcpConnectTimeout,
            /* UDP ports of their own for streams beyond the shared port's SSRCs: "first-last" */
            @DefaultValue("31100-31999") String udpPortRange,
            /* how many streams the shared UDP port carries (told apart by SSRC; at most 9999) */
            @DefaultValue("9999") int sharedPortSsrcs,
            /* sockets reading the shared UDP port (SO_REUSEPORT, needs epoll); 0: one per media event loop */
            @DefaultValue("0") int rtpReaders,
            /* also make AAC of a camera's G.711 audio, so TS-HLS, recordings and clips carry sound */
            @DefaultValue("true") boolean aacFromG711) {
    }

    /** REST API access. */
    public record Api(
            /* bearer token for /api; empty: generated at start-up and printed */
            @DefaultValue("") String token,
            /* lifetime of the signed tokens carried by media URLs */
            @DefaultValue("6h") Duration mediaTokenTtl) {
    }

    /** Live HLS output. */
    public record Hls(
            @DefaultValue("2s") Duration segmentDuration,
            @DefaultValue("6") int windowSegments,
            /* LL-HLS part target (100 ms..1 s); LL-HLS and fMP4 HLS segments follow segment-duration */
            @DefaultValue("200ms") Duration partTarget) {
    }

    /** How a play request behaves. */
    public record Play(
            /* how long POST /play waits for the first keyframe before it reports the failed stage */
            @DefaultValue("15s") Duration readyTimeout,
            /* no RTP for this long ends the stream */
            @DefaultValue("20s") Duration rtpSilenceTimeout,
            /* a UDP play without RTP after this long is retried once over TCP passive */
            @DefaultValue("true") boolean tcpFallback,
            @DefaultValue("5s") Duration udpFallbackAfter,
            /* when the last viewer left, the stream is kept this long before BYE */
            @DefaultValue("30s") Duration idleGrace,
            /* a viewer whose player fetched nothing for this long has left */
            @DefaultValue("30s") Duration viewerIdleTimeout) {
    }

    /** Continuous recording to the data directory. */
    public record Recording(
            /* length of a recorded segment; segments are cut on keyframes */
            @DefaultValue("4s") Duration segmentDuration,
            /* segments older than this are deleted, oldest first */
            @DefaultValue("7d") Duration maxAge,
            /* total size of all recordings; 0 means no quota */
            @DefaultValue("0") DataSize quota,
            /* recording stops (with an alarm) when the data directory's disk has less free space */
            @DefaultValue("512MB") DataSize minFreeDisk,
            @DefaultValue("60s") Duration retentionInterval,
            /* how often recording plans are applied (start/stop recorders) */
            @DefaultValue("5s") Duration reconcileInterval) {
    }

    /** Clip export jobs. */
    public record Clips(
            @DefaultValue("1") int workers,
            @DefaultValue("100") int maxQueued) {
    }

    /** Where finished clips are kept: local disk (embedded default) or S3/MinIO. */
    public record ObjectStore(
            /* local or s3 */
            @DefaultValue("local") String type,
            String endpoint,
            String accessKey,
            String secretKey,
            @DefaultValue("gbgate") String bucket,
            @DefaultValue("us-east-1") String region,
            /* lifetime of download URLs */
            @DefaultValue("1h") Duration downloadTtl) {
    }

    /** Built-in simulated cameras that register to this gateway at start-up. */
    public record Demo(
            @DefaultValue("0") int cameras,
            @DefaultValue("640") int width,
            @DefaultValue("360") int height,
            @DefaultValue("25") int fps,
            /* optional PS file to loop instead of the generated test pattern */
            String psFile) {
    }
}
