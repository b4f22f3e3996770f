package io.gbgate.media.ps;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Turns the audio PES payloads of one stream into access units: one unit per PES for G.711, one
 * per ADTS frame for AAC. A PES without PTS is timed by extrapolating from the previous one.
 * Without a PSM, ADTS sync words identify AAC; G.711 cannot be told from noise and is dropped.
 */
final class AudioTrack {
    private static final int G711_SAMPLE_RATE = 8000;
    private static final int AAC_SAMPLES_PER_FRAME = 1024;
    private static final int ADTS_HEADER_BYTES = 7;
    private static final int[] ADTS_SAMPLE_RATES = {
        96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350};

    private final ByteBufAllocator alloc;
    private final DemuxCounters counters;
    private final AccessUnitDelivery delivery;
    private long nextPts = PesHeader.NO_TIMESTAMP;

    AudioTrack(ByteBufAllocator alloc, DemuxCounters counters, AccessUnitDelivery delivery) {
        this.alloc = alloc;
        this.counters = counters;
        this.delivery = delivery;
    }

    void onPayload(Codec declared, long pts, ByteBuf buf, int index, int length) {
        if (length == 0) {
            return;
        }
        Codec codec = declared != null ? declared : (isAdtsSync(buf, index, length) ? Codec.AAC : null);
        if (codec == null) {
            counters.droppedUnknownCodec++;
            return;
        }
        if (pts == PesHeader.NO_TIMESTAMP) {
            if (nextPts == PesHeader.NO_TIMESTAMP) {
                counters.droppedNoTimestamp++;
                return;
            }
            pts = nextPts;
        }
        if (codec == Codec.AAC) {
            splitAdts(buf, index, length, pts);
        } else {
            emit(codec, pts, buf, index, length);
            nextPts = pts + (long) length * 90_000 / G711_SAMPLE_RATE;
        }
    }

    private void splitAdts(ByteBuf buf, int index, int length, long pts) {
        int end = index + length;
        int p = index;
        while (p < end) {
            int remaining = end - p;
            if (!isAdtsSync(buf, p, remaining) || remaining < ADTS_HEADER_BYTES) {
                counters.audioBytesDropped += remaining;
                return;
            }
            int frameLength = ((buf.getUnsignedByte(p + 3) & 0x03) << 11)
                    | (buf.getUnsignedByte(p + 4) << 3) | (buf.getUnsignedByte(p + 5) >> 5);
            int rateIndex = (buf.getUnsignedByte(p + 2) >> 2) & 0x0F;
            if (frameLength < ADTS_HEADER_BYTES || frameLength > remaining || rateIndex >= ADTS_SAMPLE_RATES.length) {
                counters.audioBytesDropped += remaining;
                return;
            }
            emit(Codec.AAC, pts, buf, p, frameLength);
            pts += (long) AAC_SAMPLES_PER_FRAME * 90_000 / ADTS_SAMPLE_RATES[rateIndex];
            nextPts = pts;
            p += frameLength;
        }
    }

    private void emit(Codec codec, long pts, ByteBuf buf, int index, int length) {
        ByteBuf data = alloc.buffer(length, length).writeBytes(buf, index, length);
        counters.audioUnits++;
        delivery.deliver(new AccessUnit(codec, pts, pts, true, data));
    }

    private static boolean isAdtsSync(ByteBuf buf, int index, int length) {
        return length >= 2 && buf.getUnsignedByte(index) == 0xFF && (buf.getUnsignedByte(index + 1) & 0xF6) == 0xF0;
    }
}
