package io.gbgate.sip.device;

import io.gbgate.sip.sdp.GbSdp;
import io.gbgate.sip.sdp.GbTransport;
import java.time.Instant;
import java.util.Objects;

/**
 * What the platform asked for in an INVITE.
 *
 * @param callId        Call-ID of the INVITE
 * @param channelId     requested channel (Request-URI user)
 * @param targetIp      where to send the media (SDP c=)
 * @param targetPort    media port (SDP m=)
 * @param ssrc          SSRC offered in y=, or null
 * @param transport     media transport as offered (setup seen from the platform)
 * @param sdp           the full SDP offer
 * @param subject       the INVITE's Subject header ({@code channelId:ssrc,platformId:0}), or null
 * @param purpose       live view, playback or download (SDP s=)
 * @param start         start of the recorded range (SDP t=, Unix seconds) for playback/download, else null
 * @param stop          end of the recorded range for playback/download, else null
 * @param downloadSpeed {@code a=downloadspeed} factor of a download, else 0
 */
public record MediaOffer(String callId, String channelId, String targetIp, int targetPort, String ssrc,
                         GbTransport transport, GbSdp sdp, String subject, StreamPurpose purpose, Instant start,
                         Instant stop, int downloadSpeed) {

    /** Checks that history offers carry their range. */
    public MediaOffer {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.isHistory() && (start == null || stop == null)) {
            throw new IllegalArgumentException(purpose + " offer without a time range");
        }
    }
}
