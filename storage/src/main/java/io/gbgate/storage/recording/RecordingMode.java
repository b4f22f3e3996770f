package io.gbgate.storage.recording;

import java.util.Locale;

/** When a channel is recorded. */
public enum RecordingMode {
    /** Never. */
    OFF,
    /** Around the clock. */
    ALWAYS,
    /** Inside the weekly schedule windows. */
    SCHEDULE,
    /** Around events (alarms, motion), with pre- and post-roll; driven by the event source, not by time. */
    EVENT;

    /** The lower-case name stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode for a stored or user-given code ({@code off|always|schedule|event}, any case). */
    public static RecordingMode fromCode(String code) {
        if (code != null) {
            for (RecordingMode mode : values()) {
                if (mode.name().equalsIgnoreCase(code.trim())) {
                    return mode;
                }
            }
        }
        throw new IllegalArgumentException("recording mode must be one of off, always, schedule, event: " + code);
    }
}
