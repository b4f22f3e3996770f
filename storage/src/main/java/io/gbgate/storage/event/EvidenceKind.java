package io.gbgate.storage.event;

import java.util.Locale;

/** What an evidence item is. */
public enum EvidenceKind {
    /** An MP4 clip of a recorded range. */
    CLIP,
    /** A JPEG of a live stream's latest keyframe. */
    SNAPSHOT,
    /** The image a face-recognition engine sent with a hit. */
    FACE_HIT,
    /** A device alarm. */
    ALARM;

    /** The lower-case name stored in the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind for a stored code. */
    public static EvidenceKind fromCode(String code) {
        for (EvidenceKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown evidence kind: " + code);
    }
}
