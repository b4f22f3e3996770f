package io.gbgate.media.flv;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.H264SpsParser;
import io.gbgate.media.codec.H265SpsParser;
import io.gbgate.media.codec.VideoParameters;
import io.gbgate.media.fmp4.LengthPrefixedNalUnits;
import io.gbgate.media.MonotonicTimeline;
import io.gbgate.media.fmp4.ParameterSets;
import io.netty.buffer.ByteBuf;

/**
 * Muxes access units into FLV tags, as HTTP-FLV / WebSocket-FLV players (flv.js, mpegts.js)
 * expect: H.264 as AVC video tags, H.265 as enhanced-RTMP HEVC ({@code hvc1}), AAC (ADTS header
 * stripped, AudioSpecificConfig announced), G.711 A-law/µ-law as sound formats 7/8.
 *
 * <p>The stream starts at the first video keyframe with usable parameter sets: earlier units are
 * dropped. Timestamps are rebased to 0 there and made monotonic (see {@link MonotonicTimeline});
 * audio is placed on the same clock and never goes backwards. A reader first needs the
 * {@link #writeStreamHead stream head} (FLV header, onMetaData, sequence headers), then the tags
 * from a keyframe on. When a later keyframe brings new parameter sets, or AAC changes
 * configuration, {@link #write} puts the new sequence header in front of it.
 *
 * <p>Not thread-safe: one ingest thread drives it ({@link FlvSink} guards it with its lock).
 */
public final class FlvMuxer {
    private static final long MAX_TIMESTAMP_STEP = 10 * 90_000L;
    private static final long DEFAULT_FRAME_TICKS = 3_600;
    private static final int TICKS_PER_MILLI = 90;

    /** What {@link #write} did with an access unit. */
    public enum Outcome {
        /** A video keyframe was written: a reader can start with this unit's tags. */
        KEYFRAME,
        /** A non-key video picture was written. */
        VIDEO,
        /** Audio was written. */
        AUDIO,
        /** Dropped: the stream has not started (no keyframe yet, or audio before it). */
        WAITING_FOR_KEYFRAME,
        /** Dropped: no picture data, unusable parameter sets, broken ADTS, an unplaceable timestamp. */
        MALFORMED,
        /**
         * Dropped: audio of another codec than the one the stream's audio started with (e.g. the AAC the
         * gateway makes of a camera's G.711 next to the G.711 itself): an FLV stream has one audio codec.
         */
        OTHER_AUDIO
    }

    private final LengthPrefixedNalUnits converter = new LengthPrefixedNalUnits();
    private final MonotonicTimeline timeline = new MonotonicTimeline(MAX_TIMESTAMP_STEP, DEFAULT_FRAME_TICKS);
    private FlvStreamConfig config = FlvStreamConfig.EMPTY;
    private boolean synced;
    private long lastVideoMillis;
    private long lastAudioMillis;

    /** True once the first keyframe was written: {@link #writeStreamHead} is then complete. */
    public boolean started() {
        return timeline.started();
    }

    /** The video codec of the stream, null before the first keyframe. */
    public Codec videoCodec() {
        return config.hasVideo() ? config.videoSets().codec() : null;
    }

    /** The audio codec seen so far (also before the stream started), or null. */
    public Codec audioCodec() {
        return config.audioCodec();
    }

    /** Timestamp steps replaced to keep the timeline monotonic. */
    public long timestampDiscontinuities() {
        return timeline.discontinuities();
    }

    /**
     * Appends what a new reader needs before the first tag it gets: the FLV header (audio flag
     * set when audio has been seen), onMetaData and the current sequence headers.
     */
    public void writeStreamHead(ByteBuf out) {
        FlvTagWriter.writeFileHeader(config.audioCodec() != null, true, out);
        FlvTags.metadata(config, out);
        if (config.hasVideo()) {
            FlvTags.videoSequenceHeader(config.videoSets(), 0, out);
        }
        if (config.aac() != null) {
            FlvTags.aacSequenceHeader(config.aac(), 0, out);
        }
    }

    /**
     * Appends the tags of {@code unit} to {@code out} (nothing when it is dropped). The caller keeps
     * its reference to the unit.
     */
    public Outcome write(AccessUnit unit, ByteBuf out) {
        int start = out.writerIndex();
        FlvStreamConfig before = config;
        Outcome outcome;
        try {
            outcome = switch (unit.codec()) {
                case H264, H265 -> writeVideo(unit, out);
                case AAC -> writeAac(unit, out);
                case G711A, G711U -> writeG711(unit, out);
            };
        } catch (IllegalArgumentException e) { // includes MalformedBitstreamException
            outcome = Outcome.MALFORMED;
        }
        if (outcome == Outcome.MALFORMED) { // nothing of a broken unit stays, not even a new sequence header
            out.writerIndex(start);
            config = before;
            if (unit.codec().isVideo() && unit.keyframe()) {
                synced = false;
            }
        }
        return outcome;
    }

    private Outcome writeVideo(AccessUnit unit, ByteBuf out) {
        if (unit.keyframe()) {
            ParameterSets sets = ParameterSets.fromAccessUnit(unit);
            if (sets != null && !sets.equals(config.videoSets())) {
                VideoParameters video = unit.codec() == Codec.H264
                        ? H264SpsParser.parse(sets.firstSps())
                        : H265SpsParser.parse(sets.firstSps());
                boolean announce = started();
                config = config.withVideo(sets, video);
                if (announce) {
                    FlvTags.videoSequenceHeader(sets, nextVideoMillisEstimate(unit), out);
                }
            }
            synced = config.hasVideo() && unit.codec() == config.videoSets().codec();
            if (!synced) {
                return Outcome.MALFORMED;
            }
        } else if (!synced) {
            return Outcome.WAITING_FOR_KEYFRAME;
        } else if (unit.codec() != config.videoSets().codec()) {
            return Outcome.MALFORMED;
        }
        int tag = FlvTags.beginVideoFrame(unit.codec(), unit.keyframe(), out);
        if (converter.write(unit.codec(), unit.data(), out) == 0) {
            return Outcome.MALFORMED;
        }
        long dts = timeline.mapVideoDts(unit.dts());
        long pts = timeline.mapRelated(unit.pts());
        long millis = dts / TICKS_PER_MILLI;
        long composition = pts == MonotonicTimeline.UNPLACEABLE ? 0 : Math.max(0, (pts - dts) / TICKS_PER_MILLI);
        FlvTags.endVideoFrame(unit.codec(), tag, millis, composition, out);
        lastVideoMillis = millis;
        return unit.keyframe() ? Outcome.KEYFRAME : Outcome.VIDEO;
    }

    private Outcome writeG711(AccessUnit unit, ByteBuf out) {
        if (config.audioCodec() == Codec.AAC) {
            return Outcome.OTHER_AUDIO;
        }
        if (config.audioCodec() != unit.codec()) {
            config = config.withAudio(unit.codec(), null);
        }
        if (!started()) {
            return Outcome.WAITING_FOR_KEYFRAME;
        }
        if (unit.size() == 0) {
            return Outcome.MALFORMED;
        }
        long millis = audioMillis(unit.pts());
        if (millis < 0) {
            return Outcome.MALFORMED;
        }
        FlvTags.g711Frame(unit.codec(), unit.data(), millis, out);
        return Outcome.AUDIO;
    }

    private Outcome writeAac(AccessUnit unit, ByteBuf out) {
        ByteBuf data = unit.data();
        int index = data.readerIndex();
        int limit = data.writerIndex();
        AdtsHeader first = AdtsHeader.parse(data, index, limit);
        if (first == null) {
            return Outcome.MALFORMED;
        }
        if (config.audioCodec() == Codec.G711A || config.audioCodec() == Codec.G711U) {
            return Outcome.OTHER_AUDIO;
        }
        if (config.audioCodec() != Codec.AAC || !config.sameAac(first)) {
            config = config.withAudio(Codec.AAC, first);
            if (started()) {
                FlvTags.aacSequenceHeader(first, Math.max(lastAudioMillis, 0), out);
            }
        }
        if (!started()) {
            return Outcome.WAITING_FOR_KEYFRAME;
        }
        long millis = audioMillis(unit.pts());
        if (millis < 0) {
            return Outcome.MALFORMED;
        }
        int frame = 0;
        while (index < limit) {
            AdtsHeader header = AdtsHeader.parse(data, index, limit);
            if (header == null) {
                return frame == 0 ? Outcome.MALFORMED : Outcome.AUDIO; // keep the whole frames before the damage
            }
            long frameMillis = millis + frame * 1000L * AdtsHeader.SAMPLES_PER_FRAME / header.samplingRate();
            FlvTags.aacFrame(data, index + header.headerLength(), header.frameLength() - header.headerLength(),
                    frameMillis, out);
            lastAudioMillis = frameMillis;
            index += header.frameLength();
            frame++;
        }
        return Outcome.AUDIO;
    }

    /** Audio time on the video clock, never before 0 or the previous audio tag; -1 when unplaceable. */
    private long audioMillis(long pts) {
        long mapped = timeline.mapRelated(pts);
        if (mapped == MonotonicTimeline.UNPLACEABLE) {
            return -1;
        }
        long millis = Math.max(Math.max(0, mapped / TICKS_PER_MILLI), lastAudioMillis);
        lastAudioMillis = millis;
        return millis;
    }

    /** Time for a sequence header in front of a keyframe: not before the previous video tag. */
    private long nextVideoMillisEstimate(AccessUnit keyframe) {
        long mapped = timeline.mapRelated(keyframe.dts());
        long millis = mapped == MonotonicTimeline.UNPLACEABLE ? lastVideoMillis : mapped / TICKS_PER_MILLI;
        return Math.max(millis, lastVideoMillis);
    }

}
