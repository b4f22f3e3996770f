package io.gbgate.media.webrtc.srtp;

import io.netty.buffer.ByteBuf;
import java.util.HashMap;
import java.util.Map;

/**
 * Authenticates and decrypts incoming SRTP and SRTCP (RFC 3711) in place, with replay protection:
 * on {@link SrtpResult#OK} the buffer holds the plain packet (tag and SRTCP index removed); on any
 * other result the buffer's content is unspecified and the packet must be dropped.
 *
 * <p>Not thread-safe: one receiving thread per session calls it.
 */
public final class SrtpUnprotector {
    private static final int RTCP_ENCRYPTED_FROM = 8;
    private static final int SRTCP_TRAILER = 4 + SrtpCipherSuite.TAG_LENGTH;
    private static final int MAX_SSRCS = 16;

    private final SrtpCipherSuite rtp;
    private final SrtpCipherSuite rtcp;
    private final Map<Long, ReceiveState> receivers = new HashMap<>();
    private final ReplayWindow rtcpReplay = new ReplayWindow();

    /** Unprotects with the keys of the peer's direction (for a DTLS server: {@link DtlsSrtpKeys#clientWrite()}). */
    public SrtpUnprotector(SrtpMasterKey masterKey) {
        this.rtp = new SrtpCipherSuite(masterKey, false);
        this.rtcp = new SrtpCipherSuite(masterKey, true);
    }

    /** Unprotects the SRTP packet in {@code packet}'s readable bytes. */
    public SrtpResult unprotectRtp(ByteBuf packet) {
        int start = packet.readerIndex();
        int headerLength = SrtpPackets.rtpHeaderLength(packet);
        if (headerLength < 0 || packet.readableBytes() < headerLength + SrtpCipherSuite.TAG_LENGTH) {
            return SrtpResult.TOO_SHORT;
        }
        long ssrc = packet.getUnsignedInt(start + 8);
        int sequence = packet.getUnsignedShort(start + 2);
        ReceiveState state = receivers.get(ssrc);
        if (state == null) {
            if (receivers.size() >= MAX_SSRCS) {
                receivers.clear();
            }
            state = new ReceiveState(sequence);
        }
        long roc = state.guessRoc(sequence);
        long index = (roc << 16) | sequence;
        if (!state.replay.isFresh(index)) {
            return SrtpResult.REPLAYED;
        }
        int tagIndex = packet.writerIndex() - SrtpCipherSuite.TAG_LENGTH;
        if (!rtp.verifyTag(packet, start, tagIndex - start, roc & 0xFFFFFFFFL, tagIndex)) {
            return SrtpResult.AUTHENTICATION_FAILED;
        }
        receivers.putIfAbsent(ssrc, state);
        state.accept(roc, sequence, index);
        rtp.crypt(ssrc, index, packet, start + headerLength, tagIndex - start - headerLength);
        packet.writerIndex(tagIndex);
        return SrtpResult.OK;
    }

    /** Unprotects the SRTCP packet in {@code packet}'s readable bytes. */
    public SrtpResult unprotectRtcp(ByteBuf packet) {
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length < RTCP_ENCRYPTED_FROM + SRTCP_TRAILER) {
            return SrtpResult.TOO_SHORT;
        }
        int tagIndex = packet.writerIndex() - SrtpCipherSuite.TAG_LENGTH;
        long eAndIndex = packet.getUnsignedInt(tagIndex - 4);
        long index = eAndIndex & 0x7FFFFFFFL;
        if (!rtcpReplay.isFresh(index)) {
            return SrtpResult.REPLAYED;
        }
        if (!rtcp.verifyTag(packet, start, tagIndex - start, -1, tagIndex)) {
            return SrtpResult.AUTHENTICATION_FAILED;
        }
        rtcpReplay.accept(index);
        int payloadEnd = tagIndex - 4;
        if ((eAndIndex & 0x80000000L) != 0) {
            long ssrc = packet.getUnsignedInt(start + 4);
            rtcp.crypt(ssrc, index, packet, start + RTCP_ENCRYPTED_FROM, payloadEnd - start - RTCP_ENCRYPTED_FROM);
        }
        packet.writerIndex(payloadEnd);
        return SrtpResult.OK;
    }

    /** Highest sequence number and rollover counter seen for one SSRC, plus its replay window. */
    private static final class ReceiveState {
        final ReplayWindow replay = new ReplayWindow();
        long roc;
        int highestSequence;

        ReceiveState(int firstSequence) {
            highestSequence = firstSequence;
        }

        /** RFC 3711 appendix A: the ROC that puts {@code sequence} closest to the highest seen. */
        long guessRoc(int sequence) {
            if (highestSequence < 0x8000) {
                return sequence - highestSequence > 0x8000 && roc > 0 ? roc - 1 : roc;
            }
            return highestSequence - 0x8000 > sequence ? (roc + 1) & 0xFFFFFFFFL : roc;
        }

        void accept(long guessedRoc, int sequence, long index) {
            replay.accept(index);
            if (guessedRoc == ((roc + 1) & 0xFFFFFFFFL)) {
                roc = guessedRoc;
                highestSequence = sequence;
            } else if (guessedRoc == roc && sequence > highestSequence) {
                highestSequence = sequence;
            }
        }
    }
}
