package io.gbgate.sip.manscdp;

/**
 * Notify(MediaStatus): a device reports a media event on a playback or download session, e.g. that the file ended
 * ({@link #FILE_END}).
 *
 * @param sn         sequence number
 * @param deviceId   channel ID
 * @param notifyType event code, {@link #FILE_END} (121) for end of file
 */
public record MediaStatusNotify(long sn, String deviceId, int notifyType) implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "MediaStatus";
    /** {@code NotifyType} of "historical media file sent completely". */
    public static final int FILE_END = 121;

    public MediaStatusNotify {
        MessageChecks.header(sn, deviceId);
        if (notifyType < 0) {
            throw new IllegalArgumentException("NotifyType must not be negative: " + notifyType);
        }
    }

    /** The end-of-file notify for a playback or download of {@code deviceId}. */
    public static MediaStatusNotify fileEnd(long sn, String deviceId) {
        return new MediaStatusNotify(sn, deviceId, FILE_END);
    }

    /** Whether this reports the end of the media file. */
    public boolean isFileEnd() {
        return notifyType == FILE_END;
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
