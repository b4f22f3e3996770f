package io.gbgate.media.webrtc.srtp;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;

/**
 * Protects outgoing RTP and RTCP with AES_CM_128_HMAC_SHA1_80 (RFC 3711), in place: the payload
 * is encrypted in the buffer and the tag is appended (the buffer grows by 10 bytes for RTP, 14
 * for RTCP). Keeps the rollover counter per SSRC and the SRTCP index.
 *
 * <p>Not thread-safe: one sender thread per session calls it.
 */
public final class SrtpProtector {
    private static final int RTCP_ENCRYPTED_FROM = 8;
    private static final long E_FLAG = 0x80000000L;
    private static final int MAX_SRTCP_INDEX = 0x7FFFFFFF;

    private final SrtpCipherSuite rtp;
    private final SrtpCipherSuite rtcp;
    private final Map<Long, RolloverState> rollover = new HashMap<>();
    private int srtcpIndex;

    /** Protects with the keys of one direction (for a DTLS server: {@link DtlsSrtpKeys#serverWrite()}). */
    public SrtpProtector(SrtpMasterKey masterKey) {
        this.rtp = new SrtpCipherSuite(masterKey, false);
        this.rtcp = new SrtpCipherSuite(masterKey, true);
    }

    /** Turns the RTP packet in {@code packet}'s readable bytes into SRTP. */
    public void protectRtp(ByteBuf packet) {
        int start = packet.readerIndex();
        int headerLength = SrtpPackets.rtpHeaderLength(packet);
        if (headerLength < 0) {
            throw new IllegalArgumentException("not a valid RTP packet");
        }
        long ssrc = packet.getUnsignedInt(start + 8);
        int sequence = packet.getUnsignedShort(start + 2);
        long roc = rollover.computeIfAbsent(ssrc, key -> new RolloverState()).advance(sequence);
        int end = packet.writerIndex();
        rtp.crypt(ssrc, (roc << 16) | sequence, packet, start + headerLength, end - start - headerLength);
        packet.ensureWritable(SrtpCipherSuite.TAG_LENGTH);
        packet.writerIndex(end + SrtpCipherSuite.TAG_LENGTH);
        rtp.writeTag(packet, start, end - start, roc, end);
    }

    /** Turns the compound RTCP packet in {@code packet}'s readable bytes into SRTCP. */
    public void protectRtcp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < RTCP_ENCRYPTED_FROM) {
            throw new IllegalArgumentException("RTCP packet shorter than 8 bytes");
        }
        long ssrc = packet.getUnsignedInt(start + 4);
        int index = srtcpIndex;
        srtcpIndex = index == MAX_SRTCP_INDEX ? 0 : index + 1;
        rtcp.crypt(ssrc, index, packet, start + RTCP_ENCRYPTED_FROM, length - RTCP_ENCRYPTED_FROM);
        packet.writeInt((int) (E_FLAG | index));
        int authenticated = packet.readableBytes();
        packet.ensureWritable(SrtpCipherSuite.TAG_LENGTH);
        packet.writerIndex(packet.writerIndex() + SrtpCipherSuite.TAG_LENGTH);
        rtcp.writeTag(packet, start, authenticated, -1, start + authenticated);
    }

    /** The sender's view of the rollover counter of one SSRC. */
    private static final class RolloverState {
        private boolean started;
        private int lastSequence;
        private long roc;

        long advance(int sequence) {
            if (started && sequence < lastSequence && lastSequence - sequence > 0x8000) {
                roc = (roc + 1) & 0xFFFFFFFFL;
            }
            if (!started || ((sequence - lastSequence) & 0xFFFF) < 0x8000) {
                lastSequence = sequence;
            }
            started = true;
            return roc;
        }
    }
}
