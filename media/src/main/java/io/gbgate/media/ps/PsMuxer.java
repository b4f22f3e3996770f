package io.gbgate.media.ps;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;

/**
 * Packs access units into an MPEG-2 program stream the way GB28181 cameras do: every unit gets a
 * pack header (SCR taken from its DTS); video keyframes additionally get a system header and a
 * program stream map (video on stream id 0xE0, audio on 0xC0, GB28181 stream types); then the
 * payload follows in PES packets of at most 65535 bytes, the first one carrying the PTS (and the
 * DTS when it differs), the continuations carrying no timestamps.
 *
 * <p>Stateless apart from its configuration, so one instance may serve one stream on any thread.
 */
public final class PsMuxer {
    /** 8 Mbit/s in the 50 bytes/s units of program_mux_rate and rate_bound. */
    static final int MUX_RATE = 20_000;
    static final int MAX_PES_PACKET_LENGTH = 0xFFFF;
    private static final int SYSTEM_HEADER_BYTES = 12 + 2 * 3;
    private static final int PSM_BYTES = 16 + 2 * 4;

    private final Codec videoCodec;
    private final Codec audioCodec;

    /**
     * @param videoCodec the stream's video codec (H.264 or H.265)
     * @param audioCodecOrNull the stream's audio codec, or null for a video-only stream
     */
    public PsMuxer(Codec videoCodec, Codec audioCodecOrNull) {
        this.videoCodec = Objects.requireNonNull(videoCodec, "videoCodec");
        if (!videoCodec.isVideo()) {
            throw new IllegalArgumentException("not a video codec: " + videoCodec);
        }
        if (audioCodecOrNull != null && audioCodecOrNull.isVideo()) {
            throw new IllegalArgumentException("not an audio codec: " + audioCodecOrNull);
        }
        this.audioCodec = audioCodecOrNull;
    }

    /**
     * The program stream bytes of one access unit, in a new buffer from {@code alloc} that the
     * caller owns. {@code unit} is only read; its reference count and indices are left alone.
     *
     * @throws IllegalArgumentException when the unit's codec is not one of this stream's codecs
     */
    public ByteBuf mux(AccessUnit unit, ByteBufAllocator alloc) {
        boolean isVideo = unit.codec() == videoCodec;
        if (!isVideo && (audioCodec == null || unit.codec() != audioCodec)) {
            throw new IllegalArgumentException("codec " + unit.codec() + " is not part of this stream ("
                    + videoCodec + (audioCodec == null ? "" : ", " + audioCodec) + ")");
        }
        boolean withStreamInfo = isVideo && unit.keyframe();
        boolean withDts = unit.dts() != unit.pts();
        ByteBuf data = unit.data();
        int remaining = data.readableBytes();
        int firstHeader = PsPacketWriter.pesHeaderBytes(true, withDts);
        int pesCount = 1 + Math.max(0, remaining - 1) / (MAX_PES_PACKET_LENGTH - 3 - 10);
        int estimate = PsPacketWriter.PACK_HEADER_BYTES + (withStreamInfo ? SYSTEM_HEADER_BYTES + PSM_BYTES : 0)
                + firstHeader + pesCount * PsPacketWriter.PES_FIXED_HEADER_BYTES + remaining;
        ByteBuf out = alloc.buffer(estimate);
        try {
            PsPacketWriter.writePackHeader(out, unit.dts(), MUX_RATE);
            if (withStreamInfo) {
                PsPacketWriter.writeSystemHeader(out, MUX_RATE, audioCodec != null);
                PsPacketWriter.writeProgramStreamMap(out, videoCodec.mpegStreamType(),
                        audioCodec == null ? -1 : audioCodec.mpegStreamType());
            }
            int streamId = isVideo ? PsStreamIds.VIDEO : PsStreamIds.AUDIO;
            int offset = data.readerIndex();
            boolean first = true;
            do {
                int headerBytes = first ? firstHeader : PsPacketWriter.PES_FIXED_HEADER_BYTES;
                int chunk = Math.min(remaining, MAX_PES_PACKET_LENGTH - (headerBytes - 6));
                long pts = first ? unit.pts() : PesHeader.NO_TIMESTAMP;
                long dts = first && withDts ? unit.dts() : PesHeader.NO_TIMESTAMP;
                PsPacketWriter.writePesHeader(out, streamId, chunk, pts, dts);
                out.writeBytes(data, offset, chunk);
                offset += chunk;
                remaining -= chunk;
                first = false;
            } while (remaining > 0);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }
}
