package io.gbgate.media.webrtc.sdp;

/**
 * A track the answer accepted.
 *
 * @param mid   the m-section's mid
 * @param codec the offered payload type chosen for it
 * @param ssrc  the SSRC the server sends it with
 */
public record NegotiatedTrack(String mid, RtpCodec codec, long ssrc) {

    /** Whether the browser offered {@code a=rtcp-fb:<pt> <value>} (e.g. {@code nack}, {@code nack pli}, {@code ccm fir}). */
    public boolean supportsFeedback(String value) {
        return codec.feedback().contains(value);
    }
}
