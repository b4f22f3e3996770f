package io.gbgate.media.llhls;

/**
 * Renders the media playlist of an {@link LlHlsWindow} (RFC 8216bis): for {@link
 * PlaylistKind#LOW_LATENCY} with EXT-X-SERVER-CONTROL (CAN-BLOCK-RELOAD, PART-HOLD-BACK of three
 * part targets), EXT-X-PART-INF, the parts of the segments in the last three target durations
 * and an EXT-X-PRELOAD-HINT for the next part; for {@link PlaylistKind#FMP4} complete segments
 * only. Both carry EXT-X-MAP before the first segment of each init section (after an
 * EXT-X-DISCONTINUITY when the parameter sets changed) and an EXT-X-PROGRAM-DATE-TIME per segment.
 */
final class LlHlsPlaylist {
    static final int LOW_LATENCY_VERSION = 9;
    static final int FMP4_VERSION = 6;
    private static final double TICKS_PER_SECOND = 90_000.0;
    private static final int PART_HOLD_BACK_PARTS = 3;
    private static final int PART_WINDOW_TARGET_DURATIONS = 3;

    private LlHlsPlaylist() {
    }

    static String render(LlHlsWindow window, LlHlsSettings settings, PlaylistKind kind, String uriSuffix,
                         long anchorMillis) {
        String suffix = uriSuffix == null ? "" : uriSuffix;
        boolean lowLatency = kind == PlaylistKind.LOW_LATENCY;
        long targetDuration = targetDuration(window, settings);
        double partTarget = partTargetSeconds(window, settings);
        PlaylistText text = new PlaylistText()
                .tag("#EXT-X-VERSION", lowLatency ? LOW_LATENCY_VERSION : FMP4_VERSION)
                .tag("#EXT-X-TARGETDURATION", targetDuration);
        if (lowLatency) {
            text.attributes("#EXT-X-SERVER-CONTROL", new PlaylistText.Attributes()
                    .enumerated("CAN-BLOCK-RELOAD", "YES")
                    .decimal("PART-HOLD-BACK", PART_HOLD_BACK_PARTS * partTarget, 3));
            text.attributes("#EXT-X-PART-INF", new PlaylistText.Attributes().decimal("PART-TARGET", partTarget, 3));
        }
        text.tag("#EXT-X-MEDIA-SEQUENCE", window.mediaSequence());
        int firstInit = window.segments().isEmpty() ? 0 : window.segments().get(0).initId();
        if (firstInit > 0) { // each new init section began a discontinuity, and its segments left the window
            text.tag("#EXT-X-DISCONTINUITY-SEQUENCE", firstInit);
        }
        text.tag("#EXT-X-INDEPENDENT-SEGMENTS");
        long partsFrom = firstSegmentWithParts(window, targetDuration);
        int mappedInit = -1;
        for (LlHlsSegment segment : window.segments()) {
            if (!lowLatency && !segment.complete()) {
                break;
            }
            if (segment.initId() != mappedInit) {
                if (mappedInit >= 0) { // new parameter sets (or codec): encoding parameters change here
                    text.tag("#EXT-X-DISCONTINUITY");
                }
                mappedInit = segment.initId();
                text.attributes("#EXT-X-MAP", new PlaylistText.Attributes()
                        .uri("URI", LlHlsNames.init(mappedInit) + suffix));
            }
            text.dateTime(segment.programDateTime(anchorMillis));
            if (lowLatency && segment.msn() >= partsFrom) {
                for (LlHlsPart part : segment.parts()) {
                    PlaylistText.Attributes attributes = new PlaylistText.Attributes()
                            .decimal("DURATION", part.durationSeconds(), 5)
                            .uri("URI", part.fileName() + suffix);
                    if (part.independent()) {
                        attributes.enumerated("INDEPENDENT", "YES");
                    }
                    text.attributes("#EXT-X-PART", attributes);
                }
            }
            if (segment.complete()) {
                text.segment(segment.durationSeconds(), segment.fileName() + suffix);
            }
        }
        if (window.ended()) {
            text.tag("#EXT-X-ENDLIST");
        } else if (lowLatency && !window.segments().isEmpty()) {
            text.attributes("#EXT-X-PRELOAD-HINT", new PlaylistText.Attributes()
                    .enumerated("TYPE", "PART").uri("URI", LlHlsNames.part(window.nextPart()) + suffix));
        }
        return text.toString();
    }

    /** EXT-X-TARGETDURATION: the segment target, or the longest segment rounded, whichever is larger. */
    static long targetDuration(LlHlsWindow window, LlHlsSettings settings) {
        long configured = (long) Math.ceil(settings.segmentTarget().toMillis() / 1000.0);
        return Math.max(1, Math.max(configured, Math.round(window.longestSegmentTicks() / TICKS_PER_SECOND)));
    }

    /** PART-TARGET: the configured one, unless a longer part had to be published (frames longer than it). */
    static double partTargetSeconds(LlHlsWindow window, LlHlsSettings settings) {
        return Math.max(settings.partTargetTicks(), window.longestPartTicks()) / TICKS_PER_SECOND;
    }

    /** Parts are listed for the segments that start within the last three target durations. */
    private static long firstSegmentWithParts(LlHlsWindow window, long targetDuration) {
        long limit = (long) (PART_WINDOW_TARGET_DURATIONS * targetDuration * TICKS_PER_SECOND);
        long fromEnd = 0;
        long first = Long.MAX_VALUE;
        for (int i = window.segments().size() - 1; i >= 0; i--) {
            LlHlsSegment segment = window.segments().get(i);
            fromEnd += segment.durationTicks();
            if (fromEnd > limit && first != Long.MAX_VALUE) {
                break;
            }
            first = segment.msn();
        }
        return first;
    }
}
