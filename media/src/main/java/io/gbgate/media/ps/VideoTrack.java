package io.gbgate.media.ps;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Reassembles the video PES payloads of one stream into access units. A unit ends when a PES
 * with a different PTS starts, or on {@link #flush()} (the RTP marker bit). PES packets without
 * a PTS continue the current unit; parameter sets and SEI sent in their own PES with the IDR's
 * PTS therefore land in the IDR's unit.
 */
final class VideoTrack {
    private static final int INITIAL_UNIT_CAPACITY = 16 * 1024;

    private final ByteBufAllocator alloc;
    private final DemuxCounters counters;
    private final AccessUnitDelivery delivery;
    private final int maxUnitBytes;
    private final ParameterSetCache parameterSets;
    private final StartCodeScanner startCodes = new StartCodeScanner();

    private Codec sniffedCodec;
    private Codec declaredCodec;
    private boolean open;
    private boolean discarding;
    private long unitPts;
    private long unitDts;
    private long lastPts = PesHeader.NO_TIMESTAMP;
    private long lastDts;
    private ByteBuf unit;

    VideoTrack(ByteBufAllocator alloc, DemuxCounters counters, AccessUnitDelivery delivery, int maxUnitBytes) {
        this.alloc = alloc;
        this.counters = counters;
        this.delivery = delivery;
        this.maxUnitBytes = maxUnitBytes;
        this.parameterSets = new ParameterSetCache(alloc);
    }

    /**
     * Adds one PES payload. {@code declared} is the PSM's codec for the stream (null when absent
     * or not a video codec); timestamps are unwrapped 90 kHz values or {@link PesHeader#NO_TIMESTAMP}.
     */
    void onPayload(Codec declared, long pts, long dts, ByteBuf buf, int index, int length) {
        if (declared != declaredCodec) {
            declaredCodec = declared;
            sniffedCodec = null; // the device changed its mind: look again
        }
        if (pts != PesHeader.NO_TIMESTAMP && open && pts != unitPts) {
            flush();
        }
        if (!open) {
            if (pts == PesHeader.NO_TIMESTAMP) {
                if (lastPts == PesHeader.NO_TIMESTAMP) {
                    counters.droppedNoTimestamp++;
                    return;
                }
                pts = lastPts;
                dts = lastDts;
            }
            open = true;
            discarding = false;
            unitPts = pts;
            unitDts = dts == PesHeader.NO_TIMESTAMP ? pts : dts;
        }
        if (discarding || length == 0) {
            return;
        }
        int buffered = unit == null ? 0 : unit.readableBytes();
        if ((long) buffered + length > maxUnitBytes) {
            counters.droppedOversize++;
            releaseUnit();
            discarding = true;
            return;
        }
        if (unit == null) {
            unit = alloc.buffer(Math.max(INITIAL_UNIT_CAPACITY, length));
        }
        unit.writeBytes(buf, index, length);
    }

    /** Completes the current access unit, if any, and delivers it. */
    void flush() {
        if (!open) {
            return;
        }
        open = false;
        lastPts = unitPts;
        lastDts = unitDts;
        ByteBuf data = unit;
        unit = null;
        if (data == null) {
            return;
        }
        Codec codec = resolveCodec(data);
        if (codec == null) {
            counters.droppedUnknownCodec++;
            data.release();
            return;
        }
        AccessUnitScan scan = AccessUnitScan.of(codec, data, startCodes);
        parameterSets.remember(data, scan);
        if (!scan.hasPicture()) {
            counters.droppedNonPicture++;
            data.release();
            return;
        }
        boolean keyframe = scan.randomAccess();
        if (keyframe && !scan.hasParameterSets(codec)) {
            ByteBuf completed = parameterSets.prependTo(codec, data);
            if (completed == null) {
                counters.keyframesWithoutParameterSets++;
                keyframe = false;
            } else {
                counters.parameterSetsPrepended++;
                data.release();
                data = completed;
            }
        }
        counters.videoUnits++;
        delivery.deliver(new AccessUnit(codec, unitPts, unitDts, keyframe, data));
    }

    /** Drops the unit being assembled (unsent) and the cached parameter sets. */
    void close() {
        releaseUnit();
        open = false;
        parameterSets.release();
    }

    private Codec resolveCodec(ByteBuf data) {
        if (sniffedCodec == null) {
            sniffedCodec = VideoCodecSniffer.sniff(data);
        }
        if (sniffedCodec == null) {
            return declaredCodec;
        }
        if (declaredCodec != null && declaredCodec != sniffedCodec) {
            counters.psmCodecOverrides++;
        }
        return sniffedCodec;
    }

    private void releaseUnit() {
        if (unit != null) {
            unit.release();
            unit = null;
        }
    }
}
