package io.gbgate.storage.clip;

import io.gbgate.storage.recording.RecordingIndex;
import io.gbgate.storage.recording.RecordingSegment;
import io.gbgate.storage.recording.SegmentLeases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Exports a time range of a channel's recording as an MP4 file {@code <dataDir>/clips/<id>.mp4}: finds the
 * overlapping segments, leases them against retention, remuxes them without re-encoding (see {@link Mp4Remuxer}),
 * then renames the finished file into place and hashes it. Running the same clip again rewrites the same file.
 *
 * <p>A range with no recording fails with a reason starting {@code "range not recorded: "}. A partly recorded range
 * exports what exists and says what is missing in {@link ClipFile#note()}.
 */
public final class ClipExporter {

    /** Directory under the data directory that holds the clips. */
    public static final String CLIPS_DIR = "clips";

    private static final Duration GAP_TOLERANCE = RecordingIndex.DEFAULT_GAP_TOLERANCE;

    private final Path dataDir;
    private final RecordingIndex index;
    private final SegmentLeases leases;
    private final Mp4Remuxer remuxer;

    /**
     * @param dataDir the data directory segment paths are relative to and clips are written under
     * @param index   the segment index
     * @param leases  the leases retention respects
     */
    public ClipExporter(Path dataDir, RecordingIndex index, SegmentLeases leases) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.index = Objects.requireNonNull(index, "index");
        this.leases = Objects.requireNonNull(leases, "leases");
        this.remuxer = new Mp4Remuxer(this.dataDir);
    }

    /**
     * Exports {@code [from, to)} of the channel's recording.
     *
     * @param progress receives 0..99 while the export runs (not 100: the caller marks the clip ready)
     * @throws ClipExportException with the reason for the user when nothing can be exported
     */
    public ClipFile export(String clipId, String channelId, Instant from, Instant to, IntConsumer progress)
            throws ClipExportException {
        Objects.requireNonNull(clipId, "clipId");
        Objects.requireNonNull(progress, "progress");
        List<RecordingSegment> found = index.findSegments(channelId, from, to);
        if (found.isEmpty()) {
            throw new ClipExportException("range not recorded: channel " + channelId + " has no recording between "
                    + from + " and " + to);
        }
        try (SegmentLeases.Lease lease = leases.acquire(found)) {
            List<RecordingSegment> segments = lease.segments();
            if (segments.isEmpty()) {
                throw new ClipExportException("range not recorded: the recording of channel " + channelId
                        + " between " + from + " and " + to + " is being deleted by retention");
            }
            String relative = CLIPS_DIR + "/" + clipId + ".mp4";
            Path target = dataDir.resolve(relative);
            Path part = target.resolveSibling(clipId + ".mp4.part");
            try {
                Files.createDirectories(target.getParent());
                Mp4Remuxer.Result result = remuxer.remux(segments, from, to, part, progress);
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                String note = coverageNote(segments, from, to, result.segmentsSkipped());
                return new ClipFile(relative, Files.size(target), result.durationMs(), sha256(target), note);
            } catch (IOException e) {
                throw new ClipExportException("export failed: " + e.getMessage(), e);
            } finally {
                deleteQuietly(part);
            }
        }
    }

    /** What of {@code [from, to)} the segments do not cover, or null when they cover it all. */
    static String coverageNote(List<RecordingSegment> segments, Instant from, Instant to, int segmentsSkipped) {
        List<String> missing = new ArrayList<>();
        Duration missingTotal = Duration.ZERO;
        Instant covered = from;
        for (RecordingSegment segment : segments) {
            if (segment.startAt().isAfter(covered.plus(GAP_TOLERANCE))) {
                Instant holeEnd = segment.startAt().isAfter(to) ? to : segment.startAt();
                missing.add(covered + " .. " + holeEnd);
                missingTotal = missingTotal.plus(Duration.between(covered, holeEnd));
            }
            if (segment.endAt().isAfter(covered)) {
                covered = segment.endAt();
            }
        }
        if (covered.plus(GAP_TOLERANCE).isBefore(to)) {
            missing.add(covered + " .. " + to);
            missingTotal = missingTotal.plus(Duration.between(covered, to));
        }
        if (missing.isEmpty() && segmentsSkipped == 0) {
            return null;
        }
        StringBuilder note = new StringBuilder();
        if (!missing.isEmpty()) {
            Duration requested = Duration.between(from, to);
            note.append("partially recorded: ")
                    .append(requested.minus(missingTotal).toMillis() / 1000.0).append(" of ")
                    .append(requested.toMillis() / 1000.0).append(" s exported; missing ")
                    .append(String.join(", ", missing));
        }
        if (segmentsSkipped > 0) {
            note.append(note.isEmpty() ? "" : "; ").append(segmentsSkipped)
                    .append(" segment(s) left out because their streams differ from the first");
        }
        return note.toString();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover .part file is overwritten by the next run of the same clip
        }
    }
}
