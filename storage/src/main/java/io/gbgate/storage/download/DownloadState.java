package io.gbgate.storage.download;

import java.util.Locale;

/** Where a download of recorded video from a device is. */
public enum DownloadState {
    /** The device is sending; the stream is written to a temporary file. */
    RECEIVING,
    /** The stream ended; the file is being remuxed to MP4 and registered as a clip. */
    SAVING,
    /** Saved as a clip. */
    DONE,
    /** Ended without a clip; the failure says why. */
    FAILED;

    /** The value stored and shown by the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DownloadState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** True for the states a download can still leave. */
    public boolean running() {
        return this == RECEIVING || this == SAVING;
    }
}
