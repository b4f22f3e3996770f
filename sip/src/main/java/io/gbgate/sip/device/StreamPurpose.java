package io.gbgate.sip.device;

import java.util.Locale;

/** What an INVITE asks the device to stream, from the SDP {@code s=} line. */
public enum StreamPurpose {
    /** Live view ({@code s=Play}). */
    LIVE,
    /** Playback of a recorded range ({@code s=Playback}). */
    PLAYBACK,
    /** Download of a recorded range ({@code s=Download}). */
    DOWNLOAD;

    /**
     * The purpose named by an SDP session name (case ignored).
     *
     * @throws IllegalArgumentException for other names (e.g. {@code Talk}), which this device does not serve
     */
    public static StreamPurpose ofSessionName(String sessionName) {
        return switch (sessionName == null ? "" : sessionName.trim().toLowerCase(Locale.ROOT)) {
            case "play" -> LIVE;
            case "playback" -> PLAYBACK;
            case "download" -> DOWNLOAD;
            default -> throw new IllegalArgumentException("unsupported session name s=" + sessionName);
        };
    }

    /** Whether the stream replays a recorded range. */
    public boolean isHistory() {
        return this != LIVE;
    }
}
