package io.gbgate.media.webrtc.sdp;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One payload type of an m-section: {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} together.
 *
 * @param payloadType   RTP payload type
 * @param encodingName  encoding name as written (e.g. {@code H264}, {@code PCMA})
 * @param clockRate     RTP clock rate
 * @param channels      audio channels (1 when not given)
 * @param parameters    fmtp parameters in offer order, names lower-cased
 * @param feedback      rtcp-fb values (e.g. {@code nack}, {@code nack pli}, {@code ccm fir})
 */
public record RtpCodec(int payloadType, String encodingName, int clockRate, int channels,
                       Map<String, String> parameters, List<String> feedback) {

    public RtpCodec {
        parameters = Map.copyOf(parameters);
        feedback = List.copyOf(feedback);
    }

    public boolean is(String name) {
        return encodingName.equalsIgnoreCase(name);
    }

    /** An fmtp parameter, or null. */
    public String parameter(String name) {
        return parameters.get(name.toLowerCase(Locale.ROOT));
    }
}
