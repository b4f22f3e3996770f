package io.gbgate.sip.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A GB/T 28181 session description: one media section plus the GB extensions {@code y=} (SSRC) and {@code f=}
 * (media format), which generic SDP parsers reject. Parse and write it with {@link GbSdpCodec}; build one with
 * {@link #builder()} or {@link GbSdpOffers}.
 *
 * @param originUser        o= username (usually the device/channel or platform ID)
 * @param originAddress     o= unicast address
 * @param sessionName       s=: Play, Playback, Download or Talk
 * @param connectionAddress c= address the media is sent to / expected from
 * @param mediaType         m= media: {@code video} or {@code audio}
 * @param mediaPort         m= port (0..65535)
 * @param mediaTransport    m= proto: {@code RTP/AVP} (UDP) or {@code TCP/RTP/AVP}
 * @param payloadTypes      m= formats, in preference order
 * @param rtpMaps           a=rtpmap: payload type to encoding, e.g. {@code 96 -> PS/90000}
 * @param direction         recvonly / sendonly / sendrecv / inactive, or null
 * @param setup             a=setup for TCP: active / passive / actpass, or null
 * @param connection        a=connection for TCP: new / existing, or null
 * @param ssrc              y= value (10 decimal digits, see {@link Ssrc}), or null
 * @param uri               u= value (e.g. {@code 34020000001320000001:0} for playback), or null
 * @param startTime         t= start (0 for live, NTP/Unix seconds for history as the device sends it)
 * @param stopTime          t= stop
 * @param format            f= value (e.g. {@code v/2/4/25/1/4096a/1/8/1}), or null
 * @param attributes        other a= attributes in order (e.g. {@code downloadspeed -> 4}); flag attributes map to ""
 */
public record GbSdp(String originUser, String originAddress, String sessionName, String connectionAddress,
                    String mediaType, int mediaPort, String mediaTransport, List<Integer> payloadTypes,
                    Map<Integer, String> rtpMaps, String direction, String setup, String connection, String ssrc,
                    String uri, long startTime, long stopTime, String format, Map<String, String> attributes) {

    /** UDP RTP transport token. */
    public static final String RTP_AVP = "RTP/AVP";
    /** TCP RTP transport token (RFC 4571 framing). */
    public static final String TCP_RTP_AVP = "TCP/RTP/AVP";

    public GbSdp {
        Objects.requireNonNull(originUser, "originUser");
        Objects.requireNonNull(originAddress, "originAddress");
        Objects.requireNonNull(sessionName, "sessionName");
        Objects.requireNonNull(connectionAddress, "connectionAddress");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(mediaTransport, "mediaTransport");
        if (mediaPort < 0 || mediaPort > 65535) {
            throw new IllegalArgumentException("media port out of range: " + mediaPort);
        }
        payloadTypes = List.copyOf(payloadTypes);
        rtpMaps = Collections.unmodifiableMap(new LinkedHashMap<>(rtpMaps));
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Whether the media goes over TCP ({@code TCP/RTP/AVP}). */
    public boolean isTcp() {
        return TCP_RTP_AVP.equalsIgnoreCase(mediaTransport);
    }

    /** A builder with defaults: session Play, video, RTP/AVP, t=0 0. */
    public static GbSdpBuilder builder() {
        return new GbSdpBuilder();
    }

    /** A builder initialised from this description. */
    public GbSdpBuilder toBuilder() {
        return new GbSdpBuilder(this);
    }
}
