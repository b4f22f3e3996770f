package io.gbgate.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the viewing audit: who did what to which channel or stream, from where.
 *
 * @param id            generated key, null before the entry is stored
 * @param at            when it happened
 * @param principal     authenticated user or API client, or null when anonymous
 * @param action        upper-case action code such as {@link #PLAY_START}
 * @param target        channel or stream id the action concerns, or null
 * @param remoteAddress client address, or null
 * @param detail        free text, or null; cut to 2000 characters when stored
 */
public record AuditEntry(Long id, Instant at, String principal, String action, String target,
                         String remoteAddress, String detail) {

    /** A viewer started watching a channel. */
    public static final String PLAY_START = "PLAY_START";
    /** A viewer stopped watching a channel. */
    public static final String PLAY_STOP = "PLAY_STOP";
    /** A viewer started playing back a channel's recording kept on the device. */
    public static final String PLAYBACK_START = "PLAYBACK_START";
    /** A viewer stopped playing back a channel's recording kept on the device (left, idle, or the stream ended). */
    public static final String PLAYBACK_STOP = "PLAYBACK_STOP";
    /** Someone started downloading a channel's recording from the device. */
    public static final String DOWNLOAD_START = "DOWNLOAD_START";
    /** Someone asked for a clip of a channel's recording. */
    public static final String CLIP_EXPORT = "CLIP_EXPORT";
    /** Someone steered or changed a camera: PTZ, lens, presets, guard, device recording, reboot, configuration. */
    public static final String CONTROL = "CONTROL";
    /** A call to the gateway's HTTP API. */
    public static final String API_ACCESS = "API_ACCESS";

    private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

    /** Validates the time and the action code. */
    public AuditEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        if (!ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("action must be an upper-case code of at most "
                    + Columns.ACTION + " characters: " + action);
        }
    }

    /** An entry to be stored (no id yet). */
    public static AuditEntry of(Instant at, String principal, String action, String target, String remoteAddress,
                                String detail) {
        return new AuditEntry(null, at, principal, action, target, remoteAddress, detail);
    }
}
