package io.gbgate.gateway.webrtc;

import io.gbgate.gateway.transcode.ClientCodec;
import io.gbgate.media.webrtc.sdp.SdpMediaDescription;
import io.gbgate.media.webrtc.sdp.SdpOffer;

/**
 * Which video a WHEP viewer can take. An H.265 stream goes out untouched only when the browser offers
 * H265 and the gateway can send it; otherwise the viewer gets the stream's H.264 transcode (headless
 * Chromium and most browsers offer no H265).
 */
final class WhepCodecs {
    /**
     * Whether the WebRTC sender can packetize H.265 (RFC 7798). It cannot yet (RFC 6184 H.264 only), so
     * H.265 streams are always transcoded for WHEP; an H.265 packetizer flips this.
     */
    static final boolean SENDS_H265 = false;

    private WhepCodecs() {
    }

    /** True when a receiving video section of {@code offer} lists H265. */
    static boolean offersH265(SdpOffer offer) {
        for (SdpMediaDescription section : offer.sections()) {
            if (section.kind().equals("video") && section.receivesMedia()
                    && section.codecs().stream().anyMatch(c -> c.is("H265"))) {
                return true;
            }
        }
        return false;
    }

    /** What the viewer behind {@code offer} gets from an H.265 stream. */
    static ClientCodec wanted(SdpOffer offer) {
        return SENDS_H265 && offersH265(offer) ? ClientCodec.AS_IS : ClientCodec.H264;
    }
}
