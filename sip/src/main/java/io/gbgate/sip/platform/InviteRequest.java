package io.gbgate.sip.platform;

import io.gbgate.sip.sdp.GbTransport;
import io.gbgate.sip.sdp.Ssrc;
import java.time.Instant;
import java.util.Objects;

/**
 * An INVITE the platform sends to a device channel: live view, playback or download.
 *
 * @param deviceId      registered device
 * @param channelId     20-digit channel (camera) ID, Request-URI user and Subject sender
 * @param mediaIp       where the device must send RTP (or connect to, for TCP passive)
 * @param mediaPort     RTP port on {@code mediaIp}
 * @param ssrc          offered 10-digit SSRC (y= line); first digit 0 for live, 1 for history
 * @param transport     media transport
 * @param type          live view, playback or download (SDP s=)
 * @param start         start of the recorded range (history only, else null)
 * @param stop          end of the recorded range (history only, else null)
 * @param downloadSpeed download speed factor for {@code a=downloadspeed} (download only, else 0)
 */
public record InviteRequest(String deviceId, String channelId, String mediaIp, int mediaPort, String ssrc,
                            GbTransport transport, SessionType type, Instant start, Instant stop,
                            int downloadSpeed) {

    /** Largest download speed factor devices accept (GB/T 28181 uses 1, 2, 4). */
    public static final int MAX_DOWNLOAD_SPEED = 32;

    /** Validates the values that end up in the SDP offer. */
    public InviteRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(mediaIp, "mediaIp");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(type, "type");
        Ssrc parsed = Ssrc.of(ssrc);
        if (mediaPort < 0 || mediaPort > 65535) {
            throw new IllegalArgumentException("media port out of range: " + mediaPort);
        }
        if (type.isHistory()) {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(stop, "stop");
            if (!stop.isAfter(start)) {
                throw new IllegalArgumentException("history range must end after its start: " + start + ".." + stop);
            }
            if (parsed.isLive()) {
                throw new IllegalArgumentException(type + " needs a history SSRC (first digit 1): " + ssrc);
            }
        } else if (start != null || stop != null) {
            throw new IllegalArgumentException("live view has no time range");
        }
        if (type == SessionType.DOWNLOAD ? downloadSpeed < 1 || downloadSpeed > MAX_DOWNLOAD_SPEED
                : downloadSpeed != 0) {
            throw new IllegalArgumentException("download speed " + downloadSpeed + " invalid for " + type);
        }
    }

    /** Live view ({@code s=Play}). */
    public static InviteRequest play(String deviceId, String channelId, String mediaIp, int mediaPort, String ssrc,
                                     GbTransport transport) {
        return new InviteRequest(deviceId, channelId, mediaIp, mediaPort, ssrc, transport, SessionType.PLAY, null,
                null, 0);
    }

    /** Playback of {@code start..stop} ({@code s=Playback}); {@code ssrc} must be a history SSRC. */
    public static InviteRequest playback(String deviceId, String channelId, String mediaIp, int mediaPort,
                                         String ssrc, GbTransport transport, Instant start, Instant stop) {
        return new InviteRequest(deviceId, channelId, mediaIp, mediaPort, ssrc, transport, SessionType.PLAYBACK,
                start, stop, 0);
    }

    /** Download of {@code start..stop} at {@code speed} times real time ({@code s=Download}). */
    public static InviteRequest download(String deviceId, String channelId, String mediaIp, int mediaPort,
                                         String ssrc, GbTransport transport, Instant start, Instant stop,
                                         int speed) {
        return new InviteRequest(deviceId, channelId, mediaIp, mediaPort, ssrc, transport, SessionType.DOWNLOAD,
                start, stop, speed);
    }
}
