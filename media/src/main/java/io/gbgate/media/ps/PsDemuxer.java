package io.gbgate.media.ps;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Demultiplexes an MPEG-2 program stream as GB28181 devices send it into {@link AccessUnit}s.
 *
 * <p>One instance per stream, used from one thread. Bytes may arrive in any chunking (typically
 * one RTP payload per {@link #feed}); they are copied into a pooled cumulation buffer that never
 * holds more than one incomplete packet. Pack headers (with stuffing), system headers, the program
 * stream map, audio (0xC0-0xDF) and video (0xE0-0xEF) PES are parsed; every other packet
 * (private streams, padding, ECM/EMM, ...) is skipped by its length. Only the first video and the
 * first audio stream id seen are demuxed.
 *
 * <p>Damage is counted, never thrown: on bytes that are not a packet start, or a header that is
 * not MPEG-2 syntax (MPEG-1 packs included), the demuxer hunts for the next pack header. A video
 * PES whose payload contains a program stream start code (impossible in H.264/H.265 Annex B data)
 * is cut there, so a truncated PES or one with an oversized length costs only its own bytes.
 *
 * <p>Ownership: the consumer is called synchronously and the demuxer releases each access unit
 * when the call returns; a consumer that keeps a unit must {@link AccessUnit#retain()} it.
 */
public final class PsDemuxer implements AutoCloseable {
    /** Default bound of one video access unit; bigger units are dropped and counted. */
    public static final int DEFAULT_MAX_ACCESS_UNIT_BYTES = 8 * 1024 * 1024;

    private static final int MIN_CUMULATION_CAPACITY = 64 * 1024;
    private static final int PACK_HEADER_BYTES = 14;
    private static final int NEED_MORE = -1;
    /** A pending video PES is rescanned for start codes after this much new data, not on every byte. */
    private static final int VIDEO_SCAN_STEP = 256;
    private static final int LOST_SYNC = -2;

    private final ByteBufAllocator alloc;
    private final DemuxCounters counters = new DemuxCounters();
    private final ProgramStreamMap streamMap = new ProgramStreamMap();
    private final TimestampUnwrapper timestamps = new TimestampUnwrapper();
    private final StartCodeScanner startCodes = new StartCodeScanner();
    private final AccessUnitDelivery delivery;
    private final VideoTrack video;
    private final AudioTrack audio;

    private ByteBuf cumulation;
    private boolean synced;
    private boolean resyncCounted;
    /** Where the start code scan of the pending video PES resumes, relative to the packet start. */
    private int scanOffset;
    /** Readable bytes needed before parsing can progress; saves re-parsing a pending header on tiny feeds. */
    private int resumeBytes;
    private int videoStreamId = -1;
    private int audioStreamId = -1;
    private boolean closed;
    private boolean released;
    /** Nesting depth of feed/endOfFrame, so that a close() from the consumer defers the release. */
    private int activeCalls;

    /** A demuxer bounding video access units to {@link #DEFAULT_MAX_ACCESS_UNIT_BYTES}. */
    public PsDemuxer(ByteBufAllocator alloc, Consumer<AccessUnit> out) {
        this(alloc, out, DEFAULT_MAX_ACCESS_UNIT_BYTES);
    }

    /**
     * @param alloc allocator for the cumulation and access unit buffers (pooled in production)
     * @param out receives each access unit synchronously; retain to keep it beyond the call
     * @param maxAccessUnitBytes video access units growing beyond this are dropped and counted
     */
    public PsDemuxer(ByteBufAllocator alloc, Consumer<AccessUnit> out, int maxAccessUnitBytes) {
        this.alloc = Objects.requireNonNull(alloc, "alloc");
        if (maxAccessUnitBytes <= 0) {
            throw new IllegalArgumentException("maxAccessUnitBytes must be positive: " + maxAccessUnitBytes);
        }
        this.delivery = new AccessUnitDelivery(Objects.requireNonNull(out, "out"), counters);
        this.video = new VideoTrack(alloc, counters, delivery, maxAccessUnitBytes);
        this.audio = new AudioTrack(alloc, counters, delivery);
    }

    /** Parses the readable bytes of {@code psBytes}; neither takes ownership nor moves its indices. */
    public void feed(ByteBuf psBytes) {
        ensureOpen();
        int length = psBytes.readableBytes();
        if (length == 0) {
            return;
        }
        if (cumulation == null) {
            cumulation = alloc.buffer(Math.max(MIN_CUMULATION_CAPACITY, length));
        }
        cumulation.writeBytes(psBytes, psBytes.readerIndex(), length);
        activeCalls++;
        try {
            if (cumulation.readableBytes() >= resumeBytes) {
                resumeBytes = 0;
                parse();
            }
        } finally {
            activeCalls--;
        }
        if (closed) { // the consumer closed the demuxer from its callback
            releaseResources();
        } else {
            compact();
        }
    }

    /** The current video access unit is complete (RTP marker bit): deliver it now. */
    public void endOfFrame() {
        ensureOpen();
        activeCalls++;
        try {
            video.flush();
        } finally {
            activeCalls--;
        }
        if (closed) {
            releaseResources();
        }
    }

    /** A snapshot of the counters; also valid after {@link #close()}. */
    public PsDemuxStats stats() {
        return counters.snapshot();
    }

    /**
     * Releases all buffers; an access unit still being assembled is dropped. Idempotent. May be
     * called by the consumer from its callback: nothing more is delivered and the buffers are
     * released when the current {@link #feed} or {@link #endOfFrame} returns.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        delivery.stop();
        if (activeCalls == 0) {
            releaseResources();
        }
    }

    private void releaseResources() {
        if (released) {
            return;
        }
        released = true;
        if (cumulation != null) {
            cumulation.release();
            cumulation = null;
        }
        video.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("PsDemuxer is closed");
        }
    }

    private void parse() {
        while (!closed) {
            if (!synced && !huntPackHeader()) {
                return;
            }
            int start = cumulation.readerIndex();
            int available = cumulation.readableBytes();
            if (available < 4) {
                return;
            }
            int consumed = cumulation.getUnsignedMedium(start) == 1 ? parsePacket(start, available) : LOST_SYNC;
            if (consumed == NEED_MORE) {
                return;
            }
            scanOffset = 0;
            if (consumed == LOST_SYNC) {
                loseSync();
            } else {
                cumulation.skipBytes(consumed);
            }
        }
    }

    private int parsePacket(int start, int available) {
        int streamId = cumulation.getUnsignedByte(start + 3);
        if (streamId == PsStreamIds.PACK_HEADER) {
            return parsePackHeader(start, available);
        }
        if (streamId == PsStreamIds.PROGRAM_END) {
            return 4;
        }
        if (!PsStreamIds.isLengthPrefixed(streamId)) {
            return LOST_SYNC;
        }
        if (available < 6) {
            return needMore(6);
        }
        int total = 6 + cumulation.getUnsignedShort(start + 4);
        if (PsStreamIds.isVideo(streamId) || PsStreamIds.isAudio(streamId)) {
            return parsePes(streamId, start, available, total);
        }
        if (available < total) {
            return needMore(total);
        }
        switch (streamId) {
            case PsStreamIds.SYSTEM_HEADER -> counters.systemHeaders++;
            case PsStreamIds.PROGRAM_STREAM_MAP -> {
                if (streamMap.update(cumulation, start, total)) {
                    counters.psms++;
                } else {
                    counters.badPsms++;
                }
            }
            default -> counters.skippedPackets++;
        }
        return total;
    }

    private int parsePackHeader(int start, int available) {
        if (available < PACK_HEADER_BYTES) {
            return needMore(PACK_HEADER_BYTES);
        }
        if ((cumulation.getUnsignedByte(start + 4) & 0xC0) != 0x40) {
            return LOST_SYNC; // MPEG-1 pack ('0010' marker) or a damaged header
        }
        int total = PACK_HEADER_BYTES + (cumulation.getUnsignedByte(start + 13) & 0x07);
        if (available < total) {
            return needMore(total);
        }
        counters.packs++;
        return total;
    }

    private int parsePes(int streamId, int start, int available, int total) {
        if (total == 6) {
            counters.emptyPes++;
            return total;
        }
        if (total < PesHeader.FIXED_HEADER_BYTES) {
            return LOST_SYNC;
        }
        if (available < PesHeader.FIXED_HEADER_BYTES) {
            return needMore(PesHeader.FIXED_HEADER_BYTES);
        }
        int headerBytes = PesHeader.requiredBytes(cumulation, start);
        if (headerBytes > total) {
            return LOST_SYNC;
        }
        if (available < headerBytes) {
            return needMore(headerBytes);
        }
        PesHeader header = PesHeader.parse(cumulation, start);
        if (header == null) {
            return LOST_SYNC;
        }
        int payloadStart = start + headerBytes;
        int end = start + total;
        if (PsStreamIds.isVideo(streamId)) {
            int cut = findProgramStreamStartCode(start, payloadStart, Math.min(end, start + available));
            if (cut >= 0) {
                counters.truncatedPes++;
                end = cut;
            } else if (available < total) {
                return needMore(Math.min(total, available + VIDEO_SCAN_STEP));
            }
        } else if (available < total) {
            return needMore(total);
        }
        dispatch(streamId, header, payloadStart, end - payloadStart);
        return end - start;
    }

    private int needMore(int bytesFromPacketStart) {
        resumeBytes = bytesFromPacketStart;
        return NEED_MORE;
    }

    /**
     * Index of a 00 00 01 xx with xx >= 0xB9 in [from, to): a program stream start code, which
     * H.264/H.265 forbid inside NAL data (forbidden_zero_bit). Resumes where the last call stopped.
     */
    private int findProgramStreamStartCode(int packetStart, int from, int to) {
        int p = Math.max(from, packetStart + scanOffset);
        while (true) {
            int startCode = startCodes.find(cumulation, p, to);
            if (startCode < 0) {
                scanOffset = Math.max(from, to - 2) - packetStart;
                return -1;
            }
            if (startCode + 3 >= to) {
                scanOffset = startCode - packetStart;
                return -1;
            }
            if (cumulation.getUnsignedByte(startCode + 3) >= PsStreamIds.PROGRAM_END) {
                return startCode;
            }
            p = startCode + 3;
        }
    }

    private void dispatch(int streamId, PesHeader header, int payloadStart, int payloadLength) {
        long pts = header.pts() == PesHeader.NO_TIMESTAMP ? PesHeader.NO_TIMESTAMP : timestamps.unwrap(header.pts());
        long dts = header.dts() == PesHeader.NO_TIMESTAMP ? PesHeader.NO_TIMESTAMP : timestamps.unwrap(header.dts());
        Codec declared = Codec.fromMpegStreamType(streamMap.streamType(streamId));
        boolean isVideo = PsStreamIds.isVideo(streamId);
        if (isVideo && videoStreamId < 0) {
            videoStreamId = streamId;
        } else if (!isVideo && audioStreamId < 0) {
            audioStreamId = streamId;
        }
        if (streamId != videoStreamId && streamId != audioStreamId) {
            counters.skippedPackets++;
            return;
        }
        counters.pesPackets++;
        if (isVideo) {
            Codec videoCodec = declared != null && declared.isVideo() ? declared : null;
            video.onPayload(videoCodec, pts, dts, cumulation, payloadStart, payloadLength);
        } else {
            Codec audioCodec = declared != null && !declared.isVideo() ? declared : null;
            audio.onPayload(audioCodec, pts, cumulation, payloadStart, payloadLength);
        }
    }

    /** Skips to the next pack header start code; false when more bytes are needed to find one. */
    private boolean huntPackHeader() {
        int from = cumulation.readerIndex();
        int to = cumulation.writerIndex();
        int p = from;
        while (true) {
            int startCode = startCodes.find(cumulation, p, to);
            if (startCode < 0 || startCode + 3 >= to) {
                skipGarbage((startCode < 0 ? Math.max(from, to - 2) : startCode) - from);
                return false;
            }
            if (cumulation.getUnsignedByte(startCode + 3) == PsStreamIds.PACK_HEADER) {
                skipGarbage(startCode - from);
                synced = true;
                resyncCounted = false;
                return true;
            }
            p = startCode + 1;
        }
    }

    private void loseSync() {
        synced = false;
        skipGarbage(1); // the broken start code itself, so that the hunt moves on
    }

    private void skipGarbage(int bytes) {
        if (bytes <= 0) {
            return;
        }
        if (!resyncCounted) {
            counters.resyncs++;
            resyncCounted = true;
        }
        counters.bytesSkipped += bytes;
        cumulation.skipBytes(bytes);
    }

    private void compact() {
        if (cumulation.isReadable()) {
            if (cumulation.readerIndex() >= cumulation.capacity() >>> 1) {
                cumulation.discardReadBytes();
            }
        } else if (cumulation.capacity() > MIN_CUMULATION_CAPACITY) {
            cumulation.release();
            cumulation = null;
        } else {
            cumulation.clear();
        }
    }
}
