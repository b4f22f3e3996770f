package io.gbgate.media.webrtc.rtp;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * RFC 6184 packetization-mode 1 for H.264 access units (Annex B): each NAL unit goes in a single
 * NAL unit packet when it fits, else in FU-A fragments; SPS and PPS travel together in one STAP-A
 * in front of every IDR picture (the cached ones when the access unit lacks them); access unit
 * delimiters are dropped; the marker bit is set on the last packet of each access unit; the RTP
 * timestamp is the access unit's 90 kHz pts plus a random offset.
 *
 * <p>Not thread-safe: one instance per outgoing stream.
 */
public final class H264RtpPacketizer {
    /** Default largest RTP packet (header included), safe for every path WebRTC meets. */
    public static final int DEFAULT_MTU = 1200;

    private static final int STAP_A = 24;
    private static final int FU_A = 28;
    private static final int NAL_TYPE_MASK = 0x1F;
    private static final int NRI_MASK = 0x60;

    private final RtpStreamWriter writer;
    private final int maxPayload;
    private final long timestampOffset;
    private int[] nalStarts = new int[16];
    private int[] nalEnds = new int[16];
    private int nalCount;
    private byte[] cachedSps;
    private byte[] cachedPps;

    /**
     * @param writer          the stream's header writer (payload type, SSRC, sequence)
     * @param mtu             largest packet to produce, RTP header included
     * @param timestampOffset random initial RTP timestamp added to every pts (RFC 3550 section 5.1)
     */
    public H264RtpPacketizer(RtpStreamWriter writer, int mtu, long timestampOffset) {
        if (mtu < RtpStreamWriter.HEADER_SIZE + 64) {
            throw new IllegalArgumentException("MTU too small for H.264 packetization: " + mtu);
        }
        this.writer = writer;
        this.maxPayload = mtu - RtpStreamWriter.HEADER_SIZE;
        this.timestampOffset = timestampOffset;
    }

    /** RTP timestamp of a 90 kHz pts. */
    public long rtpTimestamp(long pts) {
        return (timestampOffset + pts) & 0xFFFFFFFFL;
    }

    /**
     * Packetizes one access unit into {@code output}. The unit is read, not retained or released.
     *
     * @return the number of packets sent (0 for an access unit without NAL units)
     */
    public int packetize(AccessUnit unit, RtpPacketOutput output) {
        if (unit.codec() != Codec.H264) {
            throw new IllegalArgumentException("not H.264: " + unit.codec());
        }
        ByteBuf data = unit.data();
        splitNalUnits(data);
        boolean hasIdr = false;
        boolean hasSps = false;
        boolean hasPps = false;
        for (int i = 0; i < nalCount; i++) {
            int type = data.getByte(nalStarts[i]) & NAL_TYPE_MASK;
            hasIdr |= type == NalUnits.H264_IDR;
            if (type == NalUnits.H264_SPS) {
                hasSps = true;
                cachedSps = remember(cachedSps, data, i);
            } else if (type == NalUnits.H264_PPS) {
                hasPps = true;
                cachedPps = remember(cachedPps, data, i);
            }
        }
        long timestamp = rtpTimestamp(unit.pts());
        int sent = 0;
        if (hasIdr && cachedSps != null && cachedPps != null) {
            boolean nothingElse = !hasVideoAfterParameterSets(data);
            sendParameterSets(timestamp, nothingElse, output);
            sent++;
        } else if (hasSps || hasPps) {
            // parameter sets without an IDR: send them as they come
            for (int i = 0; i < nalCount; i++) {
                int type = data.getByte(nalStarts[i]) & NAL_TYPE_MASK;
                if (type == NalUnits.H264_SPS || type == NalUnits.H264_PPS) {
                    sent += sendNal(data, nalStarts[i], nalEnds[i], timestamp, false, output);
                }
            }
        }
        int last = lastSentNal(data);
        for (int i = 0; i < nalCount; i++) {
            int type = data.getByte(nalStarts[i]) & NAL_TYPE_MASK;
            if (type == NalUnits.H264_SPS || type == NalUnits.H264_PPS || type == NalUnits.H264_AUD) {
                continue;
            }
            sent += sendNal(data, nalStarts[i], nalEnds[i], timestamp, i == last, output);
        }
        return sent;
    }

    private int lastSentNal(ByteBuf data) {
        for (int i = nalCount - 1; i >= 0; i--) {
            int type = data.getByte(nalStarts[i]) & NAL_TYPE_MASK;
            if (type != NalUnits.H264_SPS && type != NalUnits.H264_PPS && type != NalUnits.H264_AUD) {
                return i;
            }
        }
        return -1;
    }

    private boolean hasVideoAfterParameterSets(ByteBuf data) {
        return lastSentNal(data) >= 0;
    }

    private void sendParameterSets(long timestamp, boolean marker, RtpPacketOutput output) {
        int stapLength = 1 + 2 + cachedSps.length + 2 + cachedPps.length;
        if (stapLength > maxPayload) {
            throw new IllegalStateException("SPS and PPS do not fit in one packet of " + maxPayload + " bytes");
        }
        int nri = Math.max(cachedSps[0] & NRI_MASK, cachedPps[0] & NRI_MASK);
        ByteBuf packet = writer.startPacket(stapLength, marker, timestamp);
        packet.writeByte(nri | STAP_A);
        packet.writeShort(cachedSps.length).writeBytes(cachedSps);
        packet.writeShort(cachedPps.length).writeBytes(cachedPps);
        output.send(packet);
    }

    private int sendNal(ByteBuf data, int start, int end, long timestamp, boolean lastOfUnit, RtpPacketOutput output) {
        int length = end - start;
        if (length <= maxPayload) {
            ByteBuf packet = writer.startPacket(length, lastOfUnit, timestamp);
            packet.writeBytes(data, start, length);
            output.send(packet);
            return 1;
        }
        int header = data.getUnsignedByte(start);
        int indicator = (header & (0x80 | NRI_MASK)) | FU_A;
        int type = header & NAL_TYPE_MASK;
        int fragmentMax = maxPayload - 2;
        int at = start + 1;
        int packets = 0;
        while (at < end) {
            int chunk = Math.min(fragmentMax, end - at);
            boolean first = at == start + 1;
            boolean lastFragment = at + chunk == end;
            ByteBuf packet = writer.startPacket(2 + chunk, lastOfUnit && lastFragment, timestamp);
            packet.writeByte(indicator);
            packet.writeByte((first ? 0x80 : 0) | (lastFragment ? 0x40 : 0) | type);
            packet.writeBytes(data, at, chunk);
            output.send(packet);
            at += chunk;
            packets++;
        }
        return packets;
    }

    /** Finds the NAL units of the Annex B payload: [start, end) without start codes or trailing zeros. */
    private void splitNalUnits(ByteBuf data) {
        nalCount = 0;
        int from = data.readerIndex();
        int to = data.writerIndex();
        int code = NalUnits.findStartCode(data, from, to);
        if (code < 0) {
            return;
        }
        while (code >= 0) {
            int start = code + 3;
            int next = NalUnits.findStartCode(data, start, to);
            int end = next < 0 ? to : next;
            while (end > start && data.getByte(end - 1) == 0) {
                end--;
            }
            if (end > start) {
                addNal(start, end);
            }
            code = next;
        }
    }

    private void addNal(int start, int end) {
        if (nalCount == nalStarts.length) {
            nalStarts = Arrays.copyOf(nalStarts, nalCount * 2);
            nalEnds = Arrays.copyOf(nalEnds, nalCount * 2);
        }
        nalStarts[nalCount] = start;
        nalEnds[nalCount] = end;
        nalCount++;
    }

    private byte[] remember(byte[] cached, ByteBuf data, int nal) {
        int length = nalEnds[nal] - nalStarts[nal];
        if (cached != null && cached.length == length) {
            int i = 0;
            while (i < length && cached[i] == data.getByte(nalStarts[nal] + i)) {
                i++;
            }
            if (i == length) {
                return cached;
            }
        }
        return ByteBufUtil.getBytes(data, nalStarts[nal], length);
    }
}
