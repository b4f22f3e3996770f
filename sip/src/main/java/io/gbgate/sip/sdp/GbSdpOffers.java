package io.gbgate.sip.sdp;

/**
 * The platform's INVITE offers as GB28181 devices expect them: receive-only, PS on 96 plus H264 on 98 and MPEG4 on
 * 97 (as most platforms offer), {@code y=} SSRC, TCP setup attributes when asked.
 */
public final class GbSdpOffers {

    /** Encoding names the offers list, by payload type. */
    public static final String PS = "PS/90000";
    public static final String H264 = "H264/90000";
    public static final String MPEG4 = "MPEG4/90000";

    private GbSdpOffers() {
    }

    /**
     * Offer for live video ({@code s=Play}, {@code t=0 0}).
     *
     * @param channelId    channel (or device) ID the video is requested from; goes into o=
     * @param mediaAddress address where the platform receives (or, TCP active, connects from)
     * @param mediaPort    port where the platform receives
     */
    public static GbSdp live(String channelId, String mediaAddress, int mediaPort, Ssrc ssrc, GbTransport transport) {
        return base(channelId, mediaAddress, mediaPort, ssrc, transport).sessionName("Play").build();
    }

    /**
     * Offer for playback of recorded video between two instants ({@code s=Playback}, {@code u=<channel>:0}).
     *
     * @param startSeconds start as Unix seconds
     * @param stopSeconds  stop as Unix seconds
     */
    public static GbSdp playback(String channelId, String mediaAddress, int mediaPort, Ssrc ssrc,
                                 GbTransport transport, long startSeconds, long stopSeconds) {
        if (stopSeconds < startSeconds) {
            throw new IllegalArgumentException("playback stop before start: " + startSeconds + ".." + stopSeconds);
        }
        return base(channelId, mediaAddress, mediaPort, ssrc, transport)
                .sessionName("Playback")
                .uri(channelId + ":0")
                .time(startSeconds, stopSeconds)
                .build();
    }

    private static GbSdpBuilder base(String channelId, String mediaAddress, int mediaPort, Ssrc ssrc,
                                     GbTransport transport) {
        GbSdpBuilder builder = GbSdp.builder()
                .origin(channelId, mediaAddress)
                .connectionAddress(mediaAddress)
                .media("video", mediaPort, transport == GbTransport.UDP ? GbSdp.RTP_AVP : GbSdp.TCP_RTP_AVP)
                .payload(96, PS)
                .payload(98, H264)
                .payload(97, MPEG4)
                .direction("recvonly")
                .ssrc(ssrc.digits());
        return switch (transport) {
            case UDP -> builder;
            case TCP_PASSIVE -> builder.tcpSetup("passive", "new");
            case TCP_ACTIVE -> builder.tcpSetup("active", "new");
        };
    }
}
