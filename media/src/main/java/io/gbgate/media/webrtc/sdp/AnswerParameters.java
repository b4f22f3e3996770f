package io.gbgate.media.webrtc.sdp;

import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.ice.IceCredentials;
import java.util.List;

/**
 * What the server puts in its answer.
 *
 * @param ice            this session's ICE credentials
 * @param fingerprint    the server certificate's fingerprint
 * @param candidates     host candidates to announce (at least one)
 * @param streamProfile  the H.264 profile of the stream (from its SPS) to pick a matching payload
 *                       type, or null to take the first packetization-mode=1 H.264 offered
 * @param audioAvailable whether the stream carries G.711 A-law audio to offer as PCMA
 * @param videoSsrc      SSRC of the video stream sent
 * @param audioSsrc      SSRC of the audio stream sent
 * @param cname          RTCP CNAME of the sender
 */
public record AnswerParameters(IceCredentials ice, CertificateFingerprint fingerprint, List<HostCandidate> candidates,
                               H264ProfileLevelId streamProfile, boolean audioAvailable, long videoSsrc,
                               long audioSsrc, String cname) {

    public AnswerParameters {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("an ICE-lite answer needs at least one candidate");
        }
        if (!cname.matches("[A-Za-z0-9+/=._-]{1,64}")) {
            throw new IllegalArgumentException("bad CNAME: " + cname);
        }
    }
}
