package io.gbgate.media.webrtc.rtp;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Test helper: RFC 6184 receiver (single NAL, STAP-A, FU-A) that collects NAL units per access unit. */
public final class H264Depacketizer {
    public final List<List<byte[]>> accessUnits = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();
    private List<byte[]> current = new ArrayList<>();
    private ByteArrayOutputStream fragment;
    private int expectedSequence = -1;

    /** Consumes one RTP packet (not released here). */
    public void accept(ByteBuf packet) {
        int start = packet.readerIndex();
        int sequence = packet.getUnsignedShort(start + 2);
        if (expectedSequence >= 0 && sequence != expectedSequence) {
            throw new AssertionError("sequence gap: expected " + expectedSequence + ", got " + sequence);
        }
        expectedSequence = (sequence + 1) & 0xFFFF;
        boolean marker = (packet.getByte(start + 1) & 0x80) != 0;
        long timestamp = packet.getUnsignedInt(start + 4);
        byte[] payload = new byte[packet.readableBytes() - 12];
        packet.getBytes(start + 12, payload);
        int type = payload[0] & 0x1F;
        if (type == 24) {
            int at = 1;
            while (at < payload.length) {
                int size = ((payload[at] & 0xFF) << 8) | (payload[at + 1] & 0xFF);
                current.add(Arrays.copyOfRange(payload, at + 2, at + 2 + size));
                at += 2 + size;
            }
        } else if (type == 28) {
            boolean first = (payload[1] & 0x80) != 0;
            boolean last = (payload[1] & 0x40) != 0;
            if (first) {
                fragment = new ByteArrayOutputStream();
                fragment.write((payload[0] & 0xE0) | (payload[1] & 0x1F));
            }
            if (fragment == null) {
                throw new AssertionError("FU-A continuation without a start");
            }
            fragment.write(payload, 2, payload.length - 2);
            if (last) {
                current.add(fragment.toByteArray());
                fragment = null;
            }
        } else {
            current.add(payload);
        }
        if (marker) {
            accessUnits.add(current);
            timestamps.add(timestamp);
            current = new ArrayList<>();
        }
    }

    /** The NAL units of an Annex B stream: start codes and trailing zero bytes removed. */
    public static List<byte[]> nalUnits(byte[] annexB, int from, int to) {
        List<byte[]> out = new ArrayList<>();
        int nalStart = -1;
        for (int i = from; i + 2 < to; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                if (nalStart >= 0) {
                    out.add(trim(annexB, nalStart, i));
                }
                nalStart = i + 3;
                i += 2;
            }
        }
        if (nalStart >= 0) {
            out.add(trim(annexB, nalStart, to));
        }
        return out;
    }

    private static byte[] trim(byte[] bytes, int from, int to) {
        while (to > from && bytes[to - 1] == 0) {
            to--;
        }
        return Arrays.copyOfRange(bytes, from, to);
    }
}
