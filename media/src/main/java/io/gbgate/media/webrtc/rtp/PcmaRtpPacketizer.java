package io.gbgate.media.webrtc.rtp;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;

/**
 * G.711 A-law (PCMA, static payload type 8, 8 kHz, RFC 3551) packetization: one byte per sample,
 * split into packets of at most {@code samplesPerPacket} samples (20 ms by default); the RTP
 * timestamp follows the access unit's pts converted from 90 kHz to 8 kHz plus a random offset.
 * The marker bit is set on the first packet of the stream (start of a talkspurt).
 *
 * <p>Not thread-safe: one instance per outgoing stream.
 */
public final class PcmaRtpPacketizer {
    /** The static RTP payload type of PCMA. */
    public static final int PAYLOAD_TYPE = 8;
    /** The RTP clock rate of PCMA. */
    public static final int CLOCK_RATE = 8000;
    /** 20 ms at 8 kHz, the usual WebRTC audio packet duration. */
    public static final int DEFAULT_SAMPLES_PER_PACKET = 160;

    private static final long PTS_CLOCK = 90_000;

    private final RtpStreamWriter writer;
    private final int samplesPerPacket;
    private final long timestampOffset;
    private boolean first = true;

    public PcmaRtpPacketizer(RtpStreamWriter writer, int samplesPerPacket, long timestampOffset) {
        if (samplesPerPacket <= 0) {
            throw new IllegalArgumentException("samples per packet must be positive");
        }
        this.writer = writer;
        this.samplesPerPacket = samplesPerPacket;
        this.timestampOffset = timestampOffset;
    }

    /** RTP timestamp (8 kHz) of a 90 kHz pts. */
    public long rtpTimestamp(long pts) {
        return (timestampOffset + Math.floorDiv(pts * CLOCK_RATE, PTS_CLOCK)) & 0xFFFFFFFFL;
    }

    /** Packetizes one G.711 A-law frame; the unit is read, not retained or released. */
    public int packetize(AccessUnit unit, RtpPacketOutput output) {
        if (unit.codec() != Codec.G711A) {
            throw new IllegalArgumentException("not G.711 A-law: " + unit.codec());
        }
        ByteBuf data = unit.data();
        long timestamp = rtpTimestamp(unit.pts());
        int at = data.readerIndex();
        int end = data.writerIndex();
        int packets = 0;
        while (at < end) {
            int chunk = Math.min(samplesPerPacket, end - at);
            ByteBuf packet = writer.startPacket(chunk, first, timestamp);
            packet.writeBytes(data, at, chunk);
            output.send(packet);
            first = false;
            timestamp = (timestamp + chunk) & 0xFFFFFFFFL;
            at += chunk;
            packets++;
        }
        return packets;
    }
}
