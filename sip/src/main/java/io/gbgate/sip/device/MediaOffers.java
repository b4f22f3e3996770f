package io.gbgate.sip.device;

import io.gbgate.sip.sdp.GbSdp;
import io.gbgate.sip.sdp.GbTransport;
import java.time.Instant;

/** Reads a {@link MediaOffer} from an INVITE's SDP: purpose, transport, time range, download speed. */
final class MediaOffers {

    /** SDP attribute with the download speed factor. */
    static final String DOWNLOAD_SPEED = "downloadspeed";
    private static final int MAX_DOWNLOAD_SPEED = 32;

    private MediaOffers() {
    }

    /**
     * @throws IllegalArgumentException for an offer this device cannot serve (unknown s=, history without
     *                                  a range, bad download speed); the device answers 488
     */
    static MediaOffer of(String callId, String channelId, GbSdp sdp, String subject) {
        StreamPurpose purpose = StreamPurpose.ofSessionName(sdp.sessionName());
        Instant start = null;
        Instant stop = null;
        int speed = 0;
        if (purpose.isHistory()) {
            if (sdp.startTime() <= 0 || sdp.stopTime() <= sdp.startTime()) {
                throw new IllegalArgumentException(purpose + " needs t=<start> <stop> with stop after start, got "
                        + sdp.startTime() + " " + sdp.stopTime());
            }
            start = Instant.ofEpochSecond(sdp.startTime());
            stop = Instant.ofEpochSecond(sdp.stopTime());
        }
        if (purpose == StreamPurpose.DOWNLOAD) {
            speed = downloadSpeed(sdp.attributes().get(DOWNLOAD_SPEED));
        }
        return new MediaOffer(callId, channelId, sdp.connectionAddress(), sdp.mediaPort(), sdp.ssrc(),
                transportOf(sdp), sdp, subject, purpose, start, stop, speed);
    }

    private static int downloadSpeed(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            int speed = Integer.parseInt(value.trim());
            if (speed >= 1 && speed <= MAX_DOWNLOAD_SPEED) {
                return speed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("a=downloadspeed must be 1.." + MAX_DOWNLOAD_SPEED + ", got " + value);
    }

    private static GbTransport transportOf(GbSdp sdp) {
        if (!sdp.isTcp()) {
            return GbTransport.UDP;
        }
        return "active".equalsIgnoreCase(sdp.setup()) ? GbTransport.TCP_ACTIVE : GbTransport.TCP_PASSIVE;
    }
}
