package io.gbgate.gateway.stream;

import io.gbgate.sip.platform.InviteRequest;
import io.gbgate.sip.platform.SessionType;
import java.time.Instant;
import java.util.Objects;

/**
 * What a history stream replays from the device's storage: a playback or a download of {@code start..stop}.
 *
 * @param type          {@link SessionType#PLAYBACK} or {@link SessionType#DOWNLOAD}
 * @param start         start of the recorded range
 * @param stop          end of the recorded range, after {@code start}
 * @param downloadSpeed speed factor of a download (1..{@value InviteRequest#MAX_DOWNLOAD_SPEED}), 0 for playback
 */
public record HistorySession(SessionType type, Instant start, Instant stop, int downloadSpeed) {

    /** Validates the range and the speed. */
    public HistorySession {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(stop, "stop");
        if (!type.isHistory()) {
            throw new IllegalArgumentException("a history session is a playback or a download, not " + type);
        }
        if (!stop.isAfter(start)) {
            throw new IllegalArgumentException("the range must end after it starts: " + start + " .. " + stop);
        }
        if (type == SessionType.DOWNLOAD
                ? downloadSpeed < 1 || downloadSpeed > InviteRequest.MAX_DOWNLOAD_SPEED : downloadSpeed != 0) {
            throw new IllegalArgumentException("download speed must be 1.." + InviteRequest.MAX_DOWNLOAD_SPEED
                    + " for a download (and absent for a playback), got " + downloadSpeed);
        }
    }

    public static HistorySession playback(Instant start, Instant stop) {
        return new HistorySession(SessionType.PLAYBACK, start, stop, 0);
    }

    public static HistorySession download(Instant start, Instant stop, int speed) {
        return new HistorySession(SessionType.DOWNLOAD, start, stop, speed);
    }

    /** The INVITE asking the device for this range. */
    InviteRequest invite(String deviceId, String channelId, String mediaIp, int mediaPort, String ssrc,
                         MediaTransport transport) {
        return type == SessionType.DOWNLOAD
                ? InviteRequest.download(deviceId, channelId, mediaIp, mediaPort, ssrc, transport.toGb(), start, stop,
                downloadSpeed)
                : InviteRequest.playback(deviceId, channelId, mediaIp, mediaPort, ssrc, transport.toGb(), start, stop);
    }
}
