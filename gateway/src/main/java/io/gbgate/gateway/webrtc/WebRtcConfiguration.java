package io.gbgate.gateway.webrtc;

import io.gbgate.media.webrtc.IceTcpConfig;
import io.gbgate.media.webrtc.WebRtcServer;
import io.gbgate.media.webrtc.WebRtcServerConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the WebRTC media server (one UDP port for every WHEP session, one TCP port as the ICE-TCP fallback). */
@Configuration(proxyBeanMethods = false)
public class WebRtcConfiguration {

    @Bean(destroyMethod = "close")
    WebRtcServer webRtcServer(WebRtcProperties props) throws InterruptedException {
        WebRtcServerConfig defaults = WebRtcServerConfig.defaults(props.port(), props.announcedAddresses());
        return WebRtcServer.start(new WebRtcServerConfig(props.bindHost(), props.port(), props.announcedAddresses(),
                defaults.mtu(), defaults.dtlsThreads(), props.connectTimeout(), props.consentTimeout(),
                defaults.nackHistoryPackets(), defaults.cname(), iceTcp(props.tcp())));
    }

    private static IceTcpConfig iceTcp(WebRtcProperties.Tcp tcp) {
        return tcp.enabled()
                ? new IceTcpConfig(true, tcp.port(), tcp.maxFrameBytes(), tcp.bindTimeout(), tcp.writeBuffer())
                : IceTcpConfig.disabled();
    }
}
