package io.gbgate.storage.clip;

import static org.bytedeco.ffmpeg.global.avcodec.AV_PKT_FLAG_KEY;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import io.gbgate.storage.recording.RecordingSegment;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.IntConsumer;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Remuxes recorded MPEG-TS segments into one MP4 file without re-encoding (packet copy with javacv).
 *
 * <p>The output starts at the last keyframe at or before {@code from} and ends before the first video packet at or
 * after {@code to}; timestamps start at 0 and the segments follow each other back to back (holes between segments
 * are closed). The MP4 is written with {@code movflags=+faststart}, so the index (moov) precedes the media (mdat).
 * The MP4 gets the streams of the first segment, or of one of the next two when that one adds audio to the same
 * video (a recording's first segment opens at the first keyframe, often before the first audio frame, e.g. the
 * AAC made of a camera's G.711). Every segment's streams must be among those (the recorder's segments of one
 * channel are unless the camera changed codec); a segment whose are not is skipped and counted.
 */
final class Mp4Remuxer {

    private static final long TICKS_PER_MILLI = 90;
    private static final long DEFAULT_FRAME_TICKS = 3_600;
    /** Segments after the first looked at for a richer stream layout. */
    private static final int LAYOUT_LOOKAHEAD = 2;

    /** What the remux produced. */
    record Result(long durationMs, long videoPackets, int segmentsSkipped) {
    }

    private final Path dataDir;

    Mp4Remuxer(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * @param segments overlapping segments, ordered by start
     * @param progress receives 0..99 as the export advances
     */
    Result remux(List<RecordingSegment> segments, Instant from, Instant to, Path output, IntConsumer progress)
            throws FrameGrabber.Exception, FrameRecorder.Exception, ClipExportException {
        RecordingSegment first = segments.get(0);
        long startDts = startKeyframeDts(first, from);
        long spanTicks = Math.max(1, (to.toEpochMilli() - Math.max(first.startAt().toEpochMilli(),
                from.toEpochMilli())) * TICKS_PER_MILLI);
        try (FFmpegFrameGrabber head = open(first);
             FFmpegFrameGrabber richer = richerLayout(segments, head.getFormatContext())) {
            // the recorder reads the input streams' time bases while it copies: the layout stays open to the end
            FFmpegFrameGrabber layoutSource = richer != null ? richer : head;
            AVFormatContext layout = layoutSource.getFormatContext();
            requireTimeBase(head.getFormatContext(), first);
            requireTimeBase(layout, first);
            clearCodecTags(layout);
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(output.toFile(), head.getImageWidth(),
                    head.getImageHeight(), layoutSource.getAudioChannels())) {
                recorder.setFormat("mp4");
                recorder.setOption("movflags", "+faststart");
                recorder.start(layout);
                Copy copy = new Copy(recorder, to, spanTicks, progress);
                int skipped = 0;
                boolean more = copy.segment(head, first, startDts, streamMap(layout, head.getFormatContext()));
                for (int i = 1; more && i < segments.size(); i++) {
                    try (FFmpegFrameGrabber next = open(segments.get(i))) {
                        int[] map = streamMap(layout, next.getFormatContext());
                        if (map == null) {
                            skipped++;
                            continue;
                        }
                        more = copy.segment(next, segments.get(i), AV_NOPTS_VALUE, map);
                    }
                }
                recorder.stop();
                if (copy.videoPackets == 0) {
                    throw new ClipExportException("range not recorded: no video between " + from + " and " + to);
                }
                return new Result(copy.offset / TICKS_PER_MILLI, copy.videoPackets, skipped);
            }
        }
    }

    /** DTS of the last keyframe of the segment at or before {@code from} (its first keyframe when none is). */
    private long startKeyframeDts(RecordingSegment segment, Instant from) throws FrameGrabber.Exception {
        try (FFmpegFrameGrabber grabber = open(segment)) {
            long firstDts = AV_NOPTS_VALUE;
            long chosen = AV_NOPTS_VALUE;
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                if (!isVideo(grabber.getFormatContext(), packet) || packet.dts() == AV_NOPTS_VALUE) {
                    continue;
                }
                if (firstDts == AV_NOPTS_VALUE) {
                    firstDts = packet.dts();
                }
                Instant at = segment.startAt().plusMillis((packet.dts() - firstDts) / TICKS_PER_MILLI);
                if (at.isAfter(from) && chosen != AV_NOPTS_VALUE) {
                    break;
                }
                if ((packet.flags() & AV_PKT_FLAG_KEY) != 0) {
                    chosen = packet.dts();
                }
            }
            return chosen;
        }
    }

    private FFmpegFrameGrabber open(RecordingSegment segment) throws FrameGrabber.Exception {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(dataDir.resolve(segment.path()).toFile());
        grabber.setFormat("mpegts");
        grabber.start();
        return grabber;
    }

    private static void requireTimeBase(AVFormatContext context, RecordingSegment segment)
            throws ClipExportException {
        for (int i = 0; i < context.nb_streams(); i++) {
            AVStream stream = context.streams(i);
            if (stream.time_base().num() != 1 || stream.time_base().den() != 90_000) {
                throw new ClipExportException("segment " + segment.path() + " is not a 90 kHz transport stream");
            }
        }
    }

    /**
     * The MPEG-TS stream type (0x1B, ...) is not an MP4 sample entry: clear the tags the recorder copies from the
     * input so the MP4 muxer picks its own ({@code avc1}, {@code hev1}, {@code mp4a}).
     */
    private static void clearCodecTags(AVFormatContext context) {
        for (int i = 0; i < context.nb_streams(); i++) {
            context.streams(i).codecpar().codec_tag(0);
        }
    }

    /**
     * The first of the next {@link #LAYOUT_LOOKAHEAD} segments whose streams include all of {@code head}'s and more
     * (audio joining the same video), opened; null when there is none.
     */
    private FFmpegFrameGrabber richerLayout(List<RecordingSegment> segments, AVFormatContext head)
            throws FrameGrabber.Exception {
        for (int i = 1; i <= LAYOUT_LOOKAHEAD && i < segments.size(); i++) {
            FFmpegFrameGrabber candidate = open(segments.get(i));
            AVFormatContext layout = candidate.getFormatContext();
            if (layout.nb_streams() > head.nb_streams() && streamMap(layout, head) != null) {
                return candidate;
            }
            candidate.close();
        }
        return null;
    }

    /**
     * For each stream of {@code input}, the index of the stream of {@code layout} of the same type and codec;
     * null when one has none.
     */
    private static int[] streamMap(AVFormatContext layout, AVFormatContext input) {
        int[] map = new int[input.nb_streams()];
        boolean[] taken = new boolean[layout.nb_streams()];
        for (int i = 0; i < input.nb_streams(); i++) {
            map[i] = -1;
            for (int j = 0; j < layout.nb_streams() && map[i] < 0; j++) {
                if (!taken[j] && layout.streams(j).codecpar().codec_type() == input.streams(i).codecpar().codec_type()
                        && layout.streams(j).codecpar().codec_id() == input.streams(i).codecpar().codec_id()) {
                    map[i] = j;
                    taken[j] = true;
                }
            }
            if (map[i] < 0) {
                return null;
            }
        }
        return map;
    }

    private static boolean isVideo(AVFormatContext context, AVPacket packet) {
        return context.streams(packet.stream_index()).codecpar().codec_type() == AVMEDIA_TYPE_VIDEO;
    }

    /** The running copy: output timeline, end condition, progress. */
    private static final class Copy {
        private final FFmpegFrameRecorder recorder;
        private final Instant to;
        private final long spanTicks;
        private final IntConsumer progress;
        private long offset;
        private long lastAudioOut = -1;
        private long videoPackets;
        private int lastPercent = -1;

        Copy(FFmpegFrameRecorder recorder, Instant to, long spanTicks, IntConsumer progress) {
            this.recorder = recorder;
            this.to = to;
            this.spanTicks = spanTicks;
            this.progress = progress;
        }

        /**
         * Copies one segment from {@code startDts} (from its first video packet when {@code AV_NOPTS_VALUE}), its
         * streams going to the output streams {@code streamMap} names.
         *
         * @return false once {@code to} was reached
         */
        boolean segment(FFmpegFrameGrabber grabber, RecordingSegment segment, long startDts, int[] streamMap)
                throws FrameGrabber.Exception, FrameRecorder.Exception {
            AVFormatContext context = grabber.getFormatContext();
            long firstDts = AV_NOPTS_VALUE;
            long base = startDts;
            long lastDts = AV_NOPTS_VALUE;
            long frameTicks = DEFAULT_FRAME_TICKS;
            AVPacket packet;
            while ((packet = grabber.grabPacket()) != null) {
                long dts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
                if (dts == AV_NOPTS_VALUE) {
                    continue;
                }
                int type = context.streams(packet.stream_index()).codecpar().codec_type();
                if (type == AVMEDIA_TYPE_VIDEO) {
                    if (firstDts == AV_NOPTS_VALUE) {
                        firstDts = dts;
                        if (base == AV_NOPTS_VALUE) {
                            base = dts;
                        }
                    }
                    if (dts < base) {
                        continue;
                    }
                    if (!segment.startAt().plusMillis((dts - firstDts) / TICKS_PER_MILLI).isBefore(to)) {
                        offset += lastDts == AV_NOPTS_VALUE ? 0 : lastDts - base + frameTicks;
                        return false;
                    }
                    if (lastDts != AV_NOPTS_VALUE && dts > lastDts) {
                        frameTicks = dts - lastDts;
                    }
                    lastDts = dts;
                    videoPackets++;
                } else if (type != AVMEDIA_TYPE_AUDIO || firstDts == AV_NOPTS_VALUE
                        || offset + dts - base < 0 || offset + dts - base <= lastAudioOut) {
                    // audio a little before the segment's first picture belongs to it (an encoder's AAC frames
                    // arrive after the picture that opened the segment): kept unless it overlaps what was written
                    continue;
                } else {
                    lastAudioOut = offset + dts - base;
                }
                long pts = packet.pts() == AV_NOPTS_VALUE ? dts : packet.pts();
                packet.dts(offset + dts - base);
                packet.pts(offset + pts - base);
                packet.stream_index(streamMap[packet.stream_index()]);
                recorder.recordPacket(packet);
                report(offset + dts - base);
            }
            offset += lastDts == AV_NOPTS_VALUE ? 0 : lastDts - base + frameTicks;
            return true;
        }

        private void report(long outTicks) {
            int percent = (int) Math.min(99, outTicks * 100 / spanTicks);
            if (percent >= lastPercent + 5) {
                lastPercent = percent;
                progress.accept(percent);
            }
        }
    }
}
