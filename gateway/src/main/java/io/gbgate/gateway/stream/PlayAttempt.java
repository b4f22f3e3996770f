package io.gbgate.gateway.stream;

import io.gbgate.media.ingest.PsOverRtpIngest;
import io.gbgate.sip.sdp.Ssrc;

/**
 * One INVITE of a stream over one transport. A stream makes a second attempt over TCP passive
 * when UDP brought no RTP in time; each attempt has its own SSRC, endpoint and dialog.
 */
final class PlayAttempt {
    private final MediaTransport transport;
    private final Ssrc ssrc;
    private volatile PsOverRtpIngest ingest;
    private volatile IngestEndpoint endpoint;
    private volatile String callId;
    private volatile String deviceSsrc;
    private volatile String outcome;
    private volatile boolean stopped;
    private volatile boolean ssrcReserved;

    PlayAttempt(MediaTransport transport, Ssrc ssrc, PsOverRtpIngest ingest) {
        this.transport = transport;
        this.ssrc = ssrc;
        this.ingest = ingest;
    }

    MediaTransport transport() {
        return transport;
    }

    Ssrc ssrc() {
        return ssrc;
    }

    /** True when the SSRC is reserved on the shared UDP port and must be given back. */
    boolean ssrcReserved() {
        return ssrcReserved;
    }

    void ssrcReserved(boolean reserved) {
        this.ssrcReserved = reserved;
    }

    PsOverRtpIngest ingest() {
        return ingest;
    }

    void ingest(PsOverRtpIngest ingest) {
        this.ingest = ingest;
    }

    IngestEndpoint endpoint() {
        return endpoint;
    }

    void endpoint(IngestEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    String callId() {
        return callId;
    }

    void callId(String callId) {
        this.callId = callId;
    }

    String deviceSsrc() {
        return deviceSsrc;
    }

    void deviceSsrc(String ssrc) {
        this.deviceSsrc = ssrc;
    }

    /** What became of the attempt, for the play result (null while it runs). */
    String outcome() {
        return outcome;
    }

    void outcome(String outcome) {
        this.outcome = outcome;
    }

    /** Marks the attempt stopped; true for the first caller only. */
    synchronized boolean stop() {
        if (stopped) {
            return false;
        }
        stopped = true;
        return true;
    }

    boolean isStopped() {
        return stopped;
    }
}
