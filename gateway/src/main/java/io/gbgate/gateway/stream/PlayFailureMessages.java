package io.gbgate.gateway.stream;

import io.gbgate.media.rtp.UdpRtpReceiver;
import io.gbgate.media.rtp.UnknownRtpSources;
import io.gbgate.sip.platform.InviteException;
import java.time.Duration;
import java.util.List;

/**
 * Words for a failed play: what stage it reached and the usual causes at that stage, with the
 * facts the gateway has (addresses, SSRCs, counters) so an operator need not guess.
 */
final class PlayFailureMessages {
    record Failure(PlayFailure cause, String message) {
    }

    private final String mediaIp;
    private final UdpRtpReceiver udp;

    PlayFailureMessages(String mediaIp, UdpRtpReceiver udp) {
        this.mediaIp = mediaIp;
        this.udp = udp;
    }

    Failure inviteFailed(LiveStream stream, Throwable error) {
        String device = "device " + stream.deviceId();
        if (error instanceof InviteException invite) {
            return switch (invite.stage()) {
                case NO_ANSWER -> new Failure(PlayFailure.NO_ANSWER, device + " did not answer the INVITE"
                        + " (stage INVITE_SENT): is it online and reachable at the address it registered from?");
                case ERROR_RESPONSE -> new Failure(PlayFailure.REFUSED, device + " refused the INVITE with "
                        + invite.statusCode() + " (" + invite.getMessage() + ")");
                case BAD_SDP -> new Failure(PlayFailure.REFUSED, device
                        + " answered 200 OK with an SDP the gateway cannot use: " + invite.getMessage());
                case NOT_SENT -> new Failure(PlayFailure.NOT_SENT, "INVITE to " + device
                        + " could not be sent: " + invite.getMessage());
            };
        }
        return new Failure(PlayFailure.NOT_SENT, "INVITE to " + device + " failed: " + error.getMessage());
    }

    Failure notReady(LiveStream stream, PlayAttempt attempt, Duration waited) {
        PlayDiagnosis d = stream.diagnosis();
        String within = " within " + waited.toSeconds() + " s";
        if (!d.hasReached(PlayStage.ANSWERED)) {
            return new Failure(PlayFailure.NO_ANSWER, "device " + stream.deviceId() + " did not answer the INVITE"
                    + within);
        }
        if (!d.hasReached(PlayStage.FIRST_RTP)) {
            return new Failure(PlayFailure.NO_RTP, noRtp(stream, attempt, within));
        }
        return new Failure(PlayFailure.UNDECODABLE, "RTP arrives from " + d.firstRtpFrom() + " (SSRC "
                + d.firstRtpSsrc() + ") but nothing decodable came out of it" + within
                + ": PS demuxer saw " + attempt.ingest().demuxStats());
    }

    private String noRtp(LiveStream stream, PlayAttempt attempt, String within) {
        IngestEndpoint endpoint = attempt.endpoint();
        String ssrcs = attempt.ssrc().digits() + (attempt.deviceSsrc() == null ? "" : " or " + attempt.deviceSsrc());
        StringBuilder m = new StringBuilder("device answered 200 OK but no RTP ");
        switch (attempt.transport()) {
            case UDP -> m.append("with SSRC ").append(ssrcs).append(" reached ").append(mediaIp).append(':')
                    .append(endpoint == null ? "?" : endpoint.localPort()).append("/UDP").append(within)
                    .append(": check that the announced media address (gbgate.media.ip=").append(mediaIp)
                    .append(") is reachable from the device and that the UDP port is open");
            case TCP_PASSIVE -> m.append("connection reached ").append(mediaIp).append(':')
                    .append(endpoint == null ? "?" : endpoint.localPort()).append("/TCP").append(within)
                    .append(": check that the announced media address (gbgate.media.ip=").append(mediaIp)
                    .append(") is reachable from the device and that the TCP port range is open");
            case TCP_ACTIVE -> m.append("came over the gateway's TCP connection to the device").append(within);
        }
        String mismatch = ssrcMismatch(stream, attempt);
        if (mismatch != null) {
            m.append("; ").append(mismatch);
        }
        return m.toString();
    }

    /** RTP that did arrive on the shared UDP port with another SSRC, most likely from this device. */
    private String ssrcMismatch(LiveStream stream, PlayAttempt attempt) {
        if (attempt.transport() != MediaTransport.UDP) {
            return null;
        }
        List<UnknownRtpSources.Source> unknown = udp.recentUnknownSources();
        if (unknown.isEmpty()) {
            return null;
        }
        UnknownRtpSources.Source latest = unknown.get(unknown.size() - 1);
        return "SSRC mismatch? RTP from " + latest.sender().getAddress().getHostAddress() + ':'
                + latest.sender().getPort() + " arrives with SSRC " + String.format("%010d", latest.ssrc())
                + " (" + latest.packets() + " packets dropped), but this play offered " + attempt.ssrc().digits()
                + (attempt.deviceSsrc() == null ? "" : " and the device answered " + attempt.deviceSsrc())
                + ": the device may be sending to an old SSRC";
    }
}
