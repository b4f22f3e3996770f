package io.gbgate.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.device.DeviceStateRecorder;
import io.gbgate.gateway.device.PlatformListeners;
import io.gbgate.gateway.security.ApiToken;
import io.gbgate.gateway.security.ApiTokenFilter;
import io.gbgate.gateway.security.MediaTokenSigner;
import io.gbgate.gateway.simulator.DemoCameras;
import io.gbgate.gateway.stream.IngestEndpoints;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.gateway.stream.TransportPolicy;
import io.gbgate.media.net.NettyTransport;
import io.gbgate.media.rtp.UdpRtpReceiver;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.auth.FailedDigestLimiter;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.sip.platform.SipPlatformConfig;
import io.gbgate.storage.AuditLog;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.DeviceRepository;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the signalling, media and storage modules into one process. */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {
    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);
    private static final int MEDIA_EVENT_LOOPS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** Device/address pairs the failed-digest limiter remembers at most (oldest forgotten first). */
    private static final int MAX_TRACKED_DIGEST_PAIRS = 10_000;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApiToken apiToken(GbgateProperties props) {
        ApiToken token = ApiToken.configuredOrGenerated(props.api().token());
        if (token.generated()) {
            log.info("api token: {}  (generated; set gbgate.api.token or GBGATE_API_TOKEN to fix it)", token.value());
        }
        return token;
    }

    @Bean
    FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(ApiToken token, ObjectMapper json) {
        FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(new ApiTokenFilter(token, json));
        registration.addUrlPatterns("/api/*", "/actuator/*");
        return registration;
    }

    @Bean
    MediaTokenSigner mediaTokenSigner(GbgateProperties props, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new MediaTokenSigner(secret, props.api().mediaTokenTtl(), clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    DeviceRepository deviceRepository(DataSource dataSource, Clock clock) {
        return new DeviceRepository(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    ChannelRepository channelRepository(DataSource dataSource, Clock clock) {
        return new ChannelRepository(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    AuditLog auditLog(DataSource dataSource) {
        return new AuditLog(dataSource);
    }

    /** Epoll loops when the native transport loads (the shared RTP port needs them for several readers), else NIO. */
    @Bean(destroyMethod = "shutdownGracefully")
    EventLoopGroup mediaEventLoops() {
        return NettyTransport.newEventLoopGroup(MEDIA_EVENT_LOOPS, new DefaultThreadFactory("gbgate-media", true));
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService gatewayScheduler() {
        return Executors.newScheduledThreadPool(2, new DefaultThreadFactory("gbgate-scheduler", true));
    }

    @Bean(destroyMethod = "close")
    UdpRtpReceiver rtpReceiver(GbgateProperties props, EventLoopGroup mediaEventLoops) {
        int readers = props.media().rtpReaders();
        if (readers < 0) {
            throw new IllegalArgumentException("gbgate.media.rtp-readers must be 0 (one per media event loop) or more,"
                    + " got " + readers);
        }
        UdpRtpReceiver receiver = UdpRtpReceiver.bind(mediaEventLoops, props.media().bindHost(),
                props.media().rtpPort(), readers == 0 ? MEDIA_EVENT_LOOPS : readers);
        log.info("RTP receiver on UDP port {} ({} reader socket{}, {} transport)", receiver.port(), receiver.readers(),
                receiver.readers() == 1 ? "" : "s", NettyTransport.isEpoll(mediaEventLoops) ? "epoll" : "NIO");
        return receiver;
    }

    @Bean
    MediaAddress mediaAddress(GbgateProperties props) {
        MediaAddress address = MediaAddress.of(props.media().ip());
        log.info("media address announced in SDP: {}", address.ip());
        return address;
    }

    @Bean
    DeviceStateRecorder deviceStateRecorder(DeviceRepository devices, ChannelRepository channels,
                                            ObjectProvider<StreamService> streams) {
        DeviceStateRecorder recorder = new DeviceStateRecorder(devices, channels, streams::getObject);
        recorder.markAllOffline();
        return recorder;
    }

    @Bean(destroyMethod = "close")
    SipPlatform sipPlatform(GbgateProperties props, DeviceStateRecorder recorder, MediaAddress media,
                            ObjectProvider<PlatformListener> otherListeners) {
        GbgateProperties.Sip sip = props.sip();
        Map<String, String> devicePasswords = sip.devicePasswords() == null ? Map.of() : sip.devicePasswords();
        SipPlatformConfig defaults = SipPlatformConfig.defaults(sip.id(), sip.domain(), sip.bindHost(), sip.port(),
                sip.password());
        SipPlatformConfig config = new SipPlatformConfig(defaults.id(), defaults.domain(), defaults.bindHost(),
                defaults.port(), announcedSipHost(sip.bindHost(), media.ip()), defaults.password(), devicePasswords,
                defaults.nonceExpiry(), sip.defaultKeepaliveInterval(), sip.keepaliveMissesBeforeOffline(),
                Duration.ofSeconds(1), defaults.minRegisterExpires(), defaults.maxRegisterExpires(),
                defaults.queryTimeout(), sip.inviteTimeout(), defaults.maxMessageSize());
        List<PlatformListener> listeners = new ArrayList<>(List.of(recorder)); // device rows first
        otherListeners.orderedStream().filter(listener -> listener != recorder).forEach(listeners::add);
        SipPlatform platform = new SipPlatform(config, new PlatformListeners(listeners), new FailedDigestLimiter(
                sip.failedDigestsToBlock(), sip.failedDigestWindow(), sip.failedDigestBlock(), MAX_TRACKED_DIGEST_PAIRS));
        platform.start();
        log.info("SIP platform {} (domain {}) on UDP+TCP port {}", sip.id(), sip.domain(), platform.port());
        return platform;
    }

    @Bean
    IngestEndpoints ingestEndpoints(GbgateProperties props, EventLoopGroup mediaEventLoops, UdpRtpReceiver rtp) {
        return new IngestEndpoints(mediaEventLoops, rtp, props.media().bindHost(),
                PortRanges.parse(props.media().tcpPortRange()), PortRanges.parse(props.media().udpPortRange()),
                props.media().tcpConnectTimeout());
    }

    @Bean
    TransportPolicy transportPolicy(GbgateProperties props) {
        return TransportPolicy.of(props.media().defaultTransport(), props.media().deviceTransports());
    }

    @Bean(destroyMethod = "close")
    StreamService streamService(GbgateProperties props, SipPlatform sip, IngestEndpoints endpoints,
                                MediaAddress media, ChannelRepository channels, TransportPolicy transports,
                                ScheduledExecutorService gatewayScheduler, Clock clock) {
        return new StreamService(props, sip, endpoints, media.ip(),
                channelId -> channels.findById(channelId).map(ChannelRecord::deviceId),
                transports, gatewayScheduler, clock);
    }

    @Bean(destroyMethod = "close")
    DemoCameras demoCameras(GbgateProperties props, SipPlatform sip, EventLoopGroup mediaEventLoops) {
        return new DemoCameras(props, sip, mediaEventLoops);
    }

    private static String announcedSipHost(String bindHost, String mediaIp) {
        return "0.0.0.0".equals(bindHost) || "::".equals(bindHost) ? mediaIp : bindHost;
    }
}
