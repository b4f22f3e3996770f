package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RtpPacketizer -> UdpRtpSender -> UdpRtpReceiver over 127.0.0.1. */
@ExtendWith(NettyLeakGuard.class)
class UdpRtpRoundTripTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final long SSRC = 0x0BADCAFEL;
    private static EventLoopGroup group;

    @BeforeAll
    static void start() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void framesArriveByteForByteWithTheMarkerOnTheirLastPacket() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int size : new int[] {1, 1399, 1400, 1401, 2800, 2801, 50_000, 7, 64_000}) {
            frames.add(RtpPacketizerTest.randomBytes(size, size));
        }
        List<RtpFrameAssembler.ReceivedFrame> received = new CopyOnWriteArrayList<>();
        try (UdpRtpReceiver receiver = UdpRtpReceiver.bind(group, LOOPBACK, 0);
             UdpRtpSender sender = UdpRtpSender.open(group, LOOPBACK,
                     new InetSocketAddress(LOOPBACK, receiver.port()), SSRC)) {
            receiver.register(SSRC, new RtpFrameAssembler(received));
            for (int i = 0; i < frames.size(); i++) {
                ByteBuf frame = Unpooled.wrappedBuffer(frames.get(i));
                assertThat(sender.send(frame, 3600L * i)).isTrue();
                assertThat(frame.refCnt()).isEqualTo(1);
                frame.release();
                int sent = i + 1;
                Await.until("frame " + i, () -> received.size() >= sent);
            }
            assertThat(sender.framesDropped()).isZero();
            assertThat(sender.sendErrors()).isZero();
        }
        assertThat(received).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++) {
            RtpFrameAssembler.ReceivedFrame frame = received.get(i);
            assertThat(frame.bytes()).as("frame %d", i).isEqualTo(frames.get(i));
            assertThat(frame.timestamp()).isEqualTo(3600L * i);
            assertThat(frame.oneTimestamp()).isTrue();
            assertThat(frame.packets()).isEqualTo((frames.get(i).length + 1399) / 1400);
        }
    }

    @Test
    void cameraPsSentAsFramesIsReproduced() throws Exception {
        byte[] ps = Files.readAllBytes(CameraTestData.cameraFile("d1-h264-704x576.ps"));
        List<RtpFrameAssembler.ReceivedFrame> received = new CopyOnWriteArrayList<>();
        int chunk = 20_000; // stand-in frames: the PS cut into equal pieces
        int frames = (ps.length + chunk - 1) / chunk;
        try (UdpRtpReceiver receiver = UdpRtpReceiver.bind(group, LOOPBACK, 0);
             UdpRtpSender sender = UdpRtpSender.open(group, LOOPBACK,
                     new InetSocketAddress(LOOPBACK, receiver.port()), SSRC)) {
            RtpRegistration stream = receiver.register(SSRC, new RtpFrameAssembler(received));
            for (int i = 0; i < frames; i++) {
                ByteBuf frame = Unpooled.wrappedBuffer(ps, i * chunk, Math.min(chunk, ps.length - i * chunk));
                sender.send(frame, 3600L * i);
                frame.release();
                int sent = i + 1;
                Await.until("frame " + i, () -> received.size() >= sent);
            }
            assertThat(stream.stats().lost()).isZero();
            assertThat(stream.stats().packets()).isEqualTo(sender.packetsSent());
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        received.forEach(frame -> all.writeBytes(frame.bytes()));
        assertThat(all.toByteArray()).isEqualTo(ps);
    }

    @Test
    void closedSenderDropsFramesWithoutThrowing() throws InterruptedException {
        UdpRtpSender sender = UdpRtpSender.open(group, LOOPBACK, new InetSocketAddress(LOOPBACK, 9), SSRC);
        sender.close();
        sender.localAddress(); // still answers
        ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
        Await.until("the sender to refuse frames", () -> !sender.send(frame, 0));
        assertThat(sender.framesDropped()).isGreaterThanOrEqualTo(1);
        frame.release();
    }
}
