package io.gbgate.media.ts;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * MPEG-2 transport stream muxer for one program: H.264 or H.265 video on PID {@value #VIDEO_PID}
 * and optional AAC (ADTS) audio on PID {@value #AUDIO_PID}.
 *
 * <p>Every video keyframe is preceded by PAT and PMT, carries the random_access_indicator, and
 * every video PES starts with a PCR derived from its DTS ({@value #PCR_LEAD_TICKS} ticks earlier).
 * An access unit delimiter is inserted in front of each video access unit that lacks one.
 * Access units of a codec the program does not carry (G.711 has no place in HLS TS) are skipped
 * and counted, as are malformed ones; nothing is thrown for bad media.
 *
 * <p>Timestamps are 90 kHz and written modulo 2^33. The muxer writes into the caller's buffer
 * and never retains or releases the access units. Not thread-safe: one muxer per output.
 */
public final class TsMuxer {
    public static final int PACKET_SIZE = TsPacketWriter.PACKET_SIZE;
    public static final int VIDEO_PID = 0x100;
    public static final int AUDIO_PID = 0x101;
    /** How far (90 kHz ticks, 100 ms) the PCR lags the DTS of the video access unit it precedes. */
    public static final long PCR_LEAD_TICKS = 9_000;

    private static final byte[] H264_AUD = {0, 0, 0, 1, NalUnits.H264_AUD, (byte) 0xF0};
    private static final byte[] H265_AUD = {0, 0, 0, 1, (byte) (NalUnits.H265_AUD << 1), 1, 0x50};

    private final Codec video;
    private final Codec audio;
    private final ProgramTables tables;
    private final TsPacketWriter packets = new TsPacketWriter();
    private final PesPayload pes = new PesPayload();
    private long unitsWritten;
    private long unitsSkipped;
    private long unitsMalformed;

    /**
     * @param video H.264 or H.265
     * @param audioOrNull AAC, or null for a video-only program
     * @throws IllegalArgumentException for any other codec
     */
    public TsMuxer(Codec video, Codec audioOrNull) {
        Objects.requireNonNull(video, "video");
        if (!video.isVideo()) {
            throw new IllegalArgumentException("not a video codec: " + video);
        }
        if (audioOrNull != null && audioOrNull != Codec.AAC) {
            throw new IllegalArgumentException("HLS transport streams carry AAC audio only, not " + audioOrNull);
        }
        this.video = video;
        this.audio = audioOrNull;
        this.tables = new ProgramTables(video, VIDEO_PID, audioOrNull, AUDIO_PID);
    }

    public Codec videoCodec() {
        return video;
    }

    /** The audio codec of the program, or null when it is video only. */
    public Codec audioCodec() {
        return audio;
    }

    /** Writes one PAT and one PMT packet. */
    public void writeTables(ByteBuf out) {
        packets.writeSection(out, ProgramTables.PAT_PID, tables.pat());
        packets.writeSection(out, ProgramTables.PMT_PID, tables.pmt());
    }

    /** Writes {@code unit} with its own timestamps; see {@link #write(AccessUnit, long, long, ByteBuf)}. */
    public boolean write(AccessUnit unit, ByteBuf out) {
        return write(unit, unit.pts(), unit.dts(), out);
    }

    /**
     * Writes {@code unit} as one PES using {@code pts} and {@code dts} instead of the unit's own
     * timestamps (a segmenter that rebases the timeline passes its own).
     *
     * @return true when written; false when skipped (codec not in the program) or malformed
     */
    public boolean write(AccessUnit unit, long pts, long dts, ByteBuf out) {
        if (unit.codec() == video) {
            return writeVideo(unit, pts, dts, out);
        }
        if (audio != null && unit.codec() == audio) {
            return writeAudio(unit, pts, out);
        }
        unitsSkipped++;
        return false;
    }

    /** Access units written. */
    public long unitsWritten() {
        return unitsWritten;
    }

    /** Access units skipped because the program does not carry their codec. */
    public long unitsSkipped() {
        return unitsSkipped;
    }

    /** Access units dropped as malformed (empty, video without a start code, oversized audio). */
    public long unitsMalformed() {
        return unitsMalformed;
    }

    /** Transport packets written so far, PSI included. */
    public long packetsWritten() {
        return packets.packetsWritten();
    }

    private boolean writeVideo(AccessUnit unit, long pts, long dts, ByteBuf out) {
        ByteBuf data = unit.data();
        int firstNal = firstNalHeaderIndex(data);
        if (firstNal < 0) {
            unitsMalformed++;
            return false;
        }
        if (unit.keyframe()) {
            writeTables(out);
        }
        boolean withDts = ((pts - dts) & PesHeader.TIMESTAMP_MASK) != 0;
        int headerLength = PesHeader.write(pes.headerArray(), PesHeader.STREAM_ID_VIDEO, -1, pts, withDts, dts);
        pes.reset(headerLength, hasAud(data.getByte(firstNal)) ? null : audFor(video), data);
        packets.writePes(out, VIDEO_PID, pes, unit.keyframe(), (dts - PCR_LEAD_TICKS) & PesHeader.TIMESTAMP_MASK);
        pes.clear();
        unitsWritten++;
        return true;
    }

    private boolean writeAudio(AccessUnit unit, long pts, ByteBuf out) {
        ByteBuf data = unit.data();
        int size = data.readableBytes();
        if (size == 0 || size + 3 + PesHeader.size(false) > PesHeader.MAX_PACKET_LENGTH) {
            unitsMalformed++;
            return false;
        }
        int headerLength = PesHeader.write(pes.headerArray(), PesHeader.STREAM_ID_AUDIO, size, pts, false, 0);
        pes.reset(headerLength, null, data);
        packets.writePes(out, AUDIO_PID, pes, false, -1);
        pes.clear();
        unitsWritten++;
        return true;
    }

    private boolean hasAud(byte nalHeader) {
        return video == Codec.H264
                ? NalUnits.h264Type(nalHeader) == NalUnits.H264_AUD
                : NalUnits.h265Type(nalHeader) == NalUnits.H265_AUD;
    }

    private static byte[] audFor(Codec video) {
        return video == Codec.H264 ? H264_AUD : H265_AUD;
    }

    /** Index of the first NAL header byte when the unit starts with a start code, else -1. */
    private static int firstNalHeaderIndex(ByteBuf data) {
        int from = data.readerIndex();
        int to = Math.min(data.writerIndex(), from + 5);
        int startCode = NalUnits.findStartCode(data, from, to);
        if (startCode < 0 || startCode + 3 >= data.writerIndex()) {
            return -1;
        }
        for (int i = from; i < startCode; i++) {
            if (data.getByte(i) != 0) {
                return -1;
            }
        }
        return startCode + 3;
    }
}
