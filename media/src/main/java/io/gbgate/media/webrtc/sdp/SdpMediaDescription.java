package io.gbgate.media.webrtc.sdp;

import java.util.List;

/**
 * One m-section of an offer as the answerer needs it.
 *
 * @param kind         media kind: {@code video}, {@code audio}, {@code application}, ...
 * @param protocol     transport protocol, e.g. {@code UDP/TLS/RTP/SAVPF}
 * @param formats      the format list of the m-line in offer order
 * @param mid          {@code a=mid}, or null
 * @param direction    {@code sendrecv}, {@code recvonly}, {@code sendonly} or {@code inactive}
 * @param rtcpMux      whether {@code a=rtcp-mux} is present
 * @param rtcpReducedSize whether {@code a=rtcp-rsize} is present
 * @param codecs       the payload types that have an {@code a=rtpmap}, in m-line order
 * @param iceUfrag     ice-ufrag of this section (the session-level one when absent here), or null
 * @param icePwd       ice-pwd of this section (or session-level), or null
 * @param fingerprint  fingerprint attribute value of this section (or session-level), or null
 * @param setup        {@code a=setup} role of this section (or session-level), or null
 */
public record SdpMediaDescription(String kind, String protocol, List<String> formats, String mid, String direction,
                                  boolean rtcpMux, boolean rtcpReducedSize, List<RtpCodec> codecs,
                                  String iceUfrag, String icePwd, String fingerprint, String setup) {

    public SdpMediaDescription {
        formats = List.copyOf(formats);
        codecs = List.copyOf(codecs);
    }

    /** True when the browser wants to receive media in this section. */
    public boolean receivesMedia() {
        return direction.equals("recvonly") || direction.equals("sendrecv");
    }
}
