package io.gbgate.gateway;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/**
 * Test receiver of RFC 6184 H.264 over RTP (single NAL unit, STAP-A, FU-A; ported from the media
 * module's H264Depacketizer): rebuilds the Annex B elementary stream and counts access units.
 */
final class RtpH264Receiver {
    private static final byte[] START_CODE = {0, 0, 0, 1};
    private final ByteArrayOutputStream annexB = new ByteArrayOutputStream();
    private ByteArrayOutputStream fragment;
    private int expectedSequence = -1;
    private int accessUnits;

    /** Consumes one decrypted RTP packet (not released here). */
    void accept(ByteBuf packet) {
        int start = packet.readerIndex();
        int sequence = packet.getUnsignedShort(start + 2);
        if (expectedSequence >= 0 && sequence != expectedSequence) {
            throw new AssertionError("sequence gap: expected " + expectedSequence + ", got " + sequence);
        }
        expectedSequence = (sequence + 1) & 0xFFFF;
        boolean marker = (packet.getByte(start + 1) & 0x80) != 0;
        byte[] payload = new byte[packet.readableBytes() - 12];
        packet.getBytes(start + 12, payload);
        int type = payload[0] & 0x1F;
        if (type == 24) {
            int at = 1;
            while (at < payload.length) {
                int size = ((payload[at] & 0xFF) << 8) | (payload[at + 1] & 0xFF);
                nal(payload, at + 2, size);
                at += 2 + size;
            }
        } else if (type == 28) {
            if ((payload[1] & 0x80) != 0) {
                fragment = new ByteArrayOutputStream();
                fragment.write((payload[0] & 0xE0) | (payload[1] & 0x1F));
            }
            if (fragment == null) {
                throw new AssertionError("FU-A continuation without a start");
            }
            fragment.write(payload, 2, payload.length - 2);
            if ((payload[1] & 0x40) != 0) {
                byte[] whole = fragment.toByteArray();
                nal(whole, 0, whole.length);
                fragment = null;
            }
        } else {
            nal(payload, 0, payload.length);
        }
        if (marker) {
            accessUnits++;
        }
    }

    int accessUnits() {
        return accessUnits;
    }

    byte[] annexB() {
        return annexB.toByteArray();
    }

    private void nal(byte[] bytes, int offset, int length) {
        annexB.write(START_CODE, 0, START_CODE.length);
        annexB.write(bytes, offset, length);
    }
}
