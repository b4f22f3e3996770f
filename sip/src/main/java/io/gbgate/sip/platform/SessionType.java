package io.gbgate.sip.platform;

/** What an INVITE asks for; the value is the SDP {@code s=} line. */
public enum SessionType {
    /** Live view ({@code s=Play}, {@code t=0 0}, live SSRC). */
    PLAY("Play"),
    /** Playback of recorded video ({@code s=Playback}, {@code u=}, {@code t=start stop}, history SSRC). */
    PLAYBACK("Playback"),
    /** Download of recorded video ({@code s=Download}, as playback plus {@code a=downloadspeed}). */
    DOWNLOAD("Download");

    private final String sdpName;

    SessionType(String sdpName) {
        this.sdpName = sdpName;
    }

    /** The SDP session name. */
    public String sdpName() {
        return sdpName;
    }

    /** Whether the session replays recorded video (history SSRC, time range). */
    public boolean isHistory() {
        return this != PLAY;
    }
}
