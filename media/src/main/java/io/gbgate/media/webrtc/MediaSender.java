package io.gbgate.media.webrtc;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.webrtc.rtcp.RtcpSenderReportWriter;
import io.gbgate.media.webrtc.rtp.H264RtpPacketizer;
import io.gbgate.media.webrtc.rtp.PcmaRtpPacketizer;
import io.gbgate.media.webrtc.rtp.RtpStreamWriter;
import io.gbgate.media.webrtc.sdp.NegotiatedTrack;
import io.gbgate.media.webrtc.srtp.SrtpProtector;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sending half of a connected session: packetizes access units, protects them with SRTP,
 * keeps video packets for NACK, and writes RTCP sender reports.
 *
 * <p>Threads: {@link #send} runs on the stream's delivery thread (the hub serializes it);
 * {@link #retransmit} and {@link #sendSenderReports} run on the network thread. They share only
 * the thread-safe history and the SRTCP half of the protector, which the delivery thread never uses.
 */
final class MediaSender {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VIDEO_CLOCK = 90_000;

    private final SrtpProtector protector;
    private final PacketTransmitter transmitter;
    private final String cname;
    private final RtpStreamWriter videoWriter;
    private final H264RtpPacketizer videoPacketizer;
    private final RtpStreamWriter audioWriter;
    private final PcmaRtpPacketizer audioPacketizer;
    private final SentPacketHistory history;
    private final AtomicLong retransmitted = new AtomicLong();
    private boolean waitingForKeyframe = true;
    private volatile long lastVideoTimestamp = -1;
    private volatile long lastVideoNanos;
    private volatile long lastAudioTimestamp = -1;
    private volatile long lastAudioNanos;

    MediaSender(SrtpProtector protector, PacketTransmitter transmitter, NegotiatedTrack video, NegotiatedTrack audio,
                int mtu, int historyPackets, String cname, ByteBufAllocator allocator) {
        this.protector = protector;
        this.transmitter = transmitter;
        this.cname = cname;
        this.history = new SentPacketHistory(historyPackets);
        if (video != null) {
            videoWriter = new RtpStreamWriter(video.codec().payloadType(), video.ssrc(), RANDOM.nextInt(0x10000), allocator);
            videoPacketizer = new H264RtpPacketizer(videoWriter, mtu, RANDOM.nextInt() & 0xFFFFFFFFL);
        } else {
            videoWriter = null;
            videoPacketizer = null;
        }
        if (audio != null) {
            audioWriter = new RtpStreamWriter(audio.codec().payloadType(), audio.ssrc(), RANDOM.nextInt(0x10000), allocator);
            audioPacketizer = new PcmaRtpPacketizer(audioWriter, PcmaRtpPacketizer.DEFAULT_SAMPLES_PER_PACKET,
                    RANDOM.nextInt() & 0xFFFFFFFFL);
        } else {
            audioWriter = null;
            audioPacketizer = null;
        }
    }

    /** Sends one access unit; video starts at the first keyframe. */
    void send(AccessUnit unit) {
        if (unit.codec() == Codec.H264 && videoPacketizer != null) {
            if (waitingForKeyframe && !unit.keyframe()) {
                return;
            }
            waitingForKeyframe = false;
            videoPacketizer.packetize(unit, this::sendVideoPacket);
            lastVideoTimestamp = videoPacketizer.rtpTimestamp(unit.pts());
            lastVideoNanos = System.nanoTime();
        } else if (unit.codec() == Codec.G711A && audioPacketizer != null) {
            audioPacketizer.packetize(unit, this::sendAudioPacket);
            lastAudioTimestamp = audioPacketizer.rtpTimestamp(unit.pts());
            lastAudioNanos = System.nanoTime();
        } else {
            return;
        }
        transmitter.flush();
    }

    private void sendVideoPacket(ByteBuf packet) {
        int sequence = packet.getUnsignedShort(packet.readerIndex() + 2);
        protector.protectRtp(packet);
        history.store(sequence, packet.retainedDuplicate());
        transmitter.write(packet);
    }

    private void sendAudioPacket(ByteBuf packet) {
        protector.protectRtp(packet);
        transmitter.write(packet);
    }

    /** Resends video packet {@code sequence} if still kept; true when it was. */
    boolean retransmit(long mediaSsrc, int sequence) {
        if (videoWriter == null || mediaSsrc != videoWriter.ssrc()) {
            return false;
        }
        ByteBuf packet = history.retransmission(sequence);
        if (packet == null) {
            return false;
        }
        retransmitted.incrementAndGet();
        transmitter.write(packet);
        transmitter.flush();
        return true;
    }

    long retransmittedPackets() {
        return retransmitted.get();
    }

    /** Writes one SRTCP sender report per stream that has sent media. */
    void sendSenderReports(ByteBufAllocator allocator) {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        boolean sent = false;
        if (videoWriter != null && lastVideoTimestamp >= 0) {
            long rtp = lastVideoTimestamp + (nowNanos - lastVideoNanos) * VIDEO_CLOCK / 1_000_000_000L;
            sent |= sendReport(allocator, videoWriter, nowMillis, rtp);
        }
        if (audioWriter != null && lastAudioTimestamp >= 0) {
            long rtp = lastAudioTimestamp + (nowNanos - lastAudioNanos) * PcmaRtpPacketizer.CLOCK_RATE / 1_000_000_000L;
            sent |= sendReport(allocator, audioWriter, nowMillis, rtp);
        }
        if (sent) {
            transmitter.flush();
        }
    }

    private boolean sendReport(ByteBufAllocator allocator, RtpStreamWriter writer, long nowMillis, long rtpTimestamp) {
        ByteBuf report = RtcpSenderReportWriter.write(allocator, writer.ssrc(), nowMillis, rtpTimestamp & 0xFFFFFFFFL,
                writer.packetCount(), writer.payloadOctets(), cname);
        protector.protectRtcp(report);
        transmitter.write(report);
        return true;
    }

    void close() {
        history.close();
    }
}
