package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Both GB28181 TCP directions over 127.0.0.1: TcpRtpSender (connect) -> TcpRtpServer ("TCP
 * passive") and TcpRtpSender (listen) <- TcpRtpClient ("TCP active").
 */
@ExtendWith(NettyLeakGuard.class)
class TcpRtpRoundTripTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final long SSRC = 0x0BADCAFEL;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
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
    void deviceConnectingToTheServerDeliversFramesByteForByte() throws Exception {
        List<byte[]> frames = new ArrayList<>();
        for (int size : new int[] {1, 1399, 1400, 1401, 2800, 2801, 50_000, 7, 64_000, 300_000}) {
            frames.add(RtpPacketizerTest.randomBytes(size, size));
        }
        List<RtpFrameAssembler.ReceivedFrame> received = new CopyOnWriteArrayList<>();
        try (TcpRtpServer server = TcpRtpServer.bind(group, LOOPBACK, 0)) {
            TcpRtpStream stream = server.register(SSRC, new RtpFrameAssembler(received));
            try (TcpRtpSender sender = TcpRtpSender.connect(group, new InetSocketAddress(LOOPBACK, server.port()),
                    SSRC, TIMEOUT)) {
                assertThat(sender.connected().get(20, TimeUnit.SECONDS).getPort()).isEqualTo(server.port());
                assertThat(sender.localAddress()).isNotNull();
                sendEach(sender, frames, received);
                assertThat(sender.framesDropped()).isZero();
                assertThat(stream.stats().packets()).isEqualTo(sender.packetsSent());
                assertThat(stream.stats().lost()).isZero();
            }
            // the device hanging up ends the stream
            assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
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
    void gatewayConnectingToAListeningDeviceReproducesTheCameraPs() throws Exception {
        byte[] ps = Files.readAllBytes(CameraTestData.cameraFile("d1-h264-704x576.ps"));
        int chunk = 20_000; // stand-in frames: the PS cut into equal pieces
        List<byte[]> frames = new ArrayList<>();
        for (int offset = 0; offset < ps.length; offset += chunk) {
            frames.add(Arrays.copyOfRange(ps, offset, Math.min(ps.length, offset + chunk)));
        }
        List<RtpFrameAssembler.ReceivedFrame> received = new CopyOnWriteArrayList<>();
        try (TcpRtpSender device = TcpRtpSender.listen(group, LOOPBACK, 0, SSRC)) {
            ByteBuf early = Unpooled.wrappedBuffer(frames.get(0));
            assertThat(device.send(early, 0)).as("nobody connected yet").isFalse();
            early.release();
            assertThat(device.framesDropped()).isEqualTo(1);

            try (TcpRtpClient client = TcpRtpClient.connect(group, device.localAddress(),
                    new RtpFrameAssembler(received), TIMEOUT).get(20, TimeUnit.SECONDS)) {
                assertThat(client.remoteAddress()).isEqualTo(device.localAddress());
                device.connected().get(20, TimeUnit.SECONDS);
                sendEach(device, frames, received);
                TcpRtpStream stream = client.stream();
                assertThat(stream.ssrc()).isEqualTo(SSRC);
                assertThat(stream.stats().packets()).isEqualTo(device.packetsSent());
                assertThat(stream.stats().lost()).isZero();
                assertThat(client.counters().connectionsOpened()).isEqualTo(1);

                device.close(); // the camera stops: the gateway learns it from the stream's end
                assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
                assertThat(stream.isClosed()).isTrue();
                device.disconnected().get(20, TimeUnit.SECONDS);
            }
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        received.forEach(frame -> all.writeBytes(frame.bytes()));
        assertThat(all.toByteArray()).isEqualTo(ps);
    }

    @Test
    void closingTheClientClosesTheConnectionToTheDevice() throws Exception {
        try (TcpRtpSender device = TcpRtpSender.listen(group, LOOPBACK, 0, SSRC)) {
            TcpRtpClient client = TcpRtpClient.connect(group, device.localAddress(),
                    (header, payload, sender) -> { }).get(20, TimeUnit.SECONDS);
            device.connected().get(20, TimeUnit.SECONDS);
            client.close();
            assertThat(client.stream().ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.CLOSED_LOCALLY);
            device.disconnected().get(20, TimeUnit.SECONDS);
            ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
            Await.until("the device to drop frames", () -> !device.send(frame, 0));
            frame.release();
        }
    }

    @Test
    void connectingToAClosedPortFailsWithAClearMessage() throws Exception {
        InetSocketAddress closed = closedPort();
        String refused = "connection refused to 127.0.0.1:" + closed.getPort();

        assertThatThrownBy(() -> TcpRtpClient.connect(group, closed, (header, payload, sender) -> { }, TIMEOUT)
                .get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ConnectException.class).hasMessage(refused);

        try (TcpRtpSender device = TcpRtpSender.connect(group, closed, SSRC, TIMEOUT)) {
            assertThatThrownBy(() -> device.connected().get(20, TimeUnit.SECONDS))
                    .cause().isInstanceOf(ConnectException.class).hasMessage(refused);
            device.disconnected().get(20, TimeUnit.SECONDS);
            ByteBuf frame = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
            assertThat(device.send(frame, 0)).isFalse();
            frame.release();
            assertThat(device.framesDropped()).isEqualTo(1);
            assertThat(device.localAddress()).isNull();
        }
    }

    /** Sends each frame and waits for it, so the outbound buffer never fills and nothing is dropped. */
    private static void sendEach(RtpSender sender, List<byte[]> frames,
                                 List<RtpFrameAssembler.ReceivedFrame> received) throws InterruptedException {
        int before = received.size();
        for (int i = 0; i < frames.size(); i++) {
            ByteBuf frame = Unpooled.wrappedBuffer(frames.get(i));
            assertThat(sender.send(frame, 3600L * i)).isTrue();
            assertThat(frame.refCnt()).isEqualTo(1);
            frame.release();
            int expected = before + i + 1;
            Await.until("frame " + i, () -> received.size() >= expected);
        }
    }

    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
        }
    }
}
