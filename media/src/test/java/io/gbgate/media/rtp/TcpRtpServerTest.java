package io.gbgate.media.rtp;

import static io.gbgate.media.rtp.RtpPackets.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** TcpRtpServer fed by plain blocking sockets on 127.0.0.1 playing the device. */
@ExtendWith(NettyLeakGuard.class)
class TcpRtpServerTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final long SSRC = CameraTestData.D1_SSRC;
    private static final long OTHER_SSRC = 0x1234_5678L;
    private static final int SOCKET_TIMEOUT_MILLIS = 20_000;
    private static EventLoopGroup group;

    private TcpRtpServer server;

    @BeforeAll
    static void start() {
        group = new NioEventLoopGroup(2);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void open() {
        server = TcpRtpServer.bind(group, LOOPBACK, 0);
    }

    @AfterEach
    void close() {
        server.close();
        assertThat(server.registrations()).isZero();
    }

    @Test
    void cameraRecordingWrittenInRandomPiecesArrivesCompleteAndInOrder() throws Exception {
        byte[] recording = Files.readAllBytes(CameraTestData.cameraFile("d1-h264-704x576.rtp4571"));
        ByteArrayOutputStream payloads = new ByteArrayOutputStream();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        int[] nextSequence = {-1};
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> {
            if (nextSequence[0] >= 0 && header.sequence() != nextSequence[0]) {
                outOfOrder.incrementAndGet();
            }
            nextSequence[0] = (header.sequence() + 1) & 0xFFFF;
            payloads.writeBytes(ByteBufUtil.getBytes(payload));
            delivered.incrementAndGet();
        });
        try (Socket device = connect()) {
            writeInRandomPieces(device.getOutputStream(), recording, new Random(4571));
            Await.until("every packet delivered", () -> delivered.get() >= CameraTestData.D1_PACKETS);
            assertThat(stream.remoteAddress()).isEqualTo(device.getLocalSocketAddress());
        }
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
        byte[] ps = Files.readAllBytes(CameraTestData.cameraFile("d1-h264-704x576.ps"));
        byte[] received = payloads.toByteArray();
        assertThat(received.length).isGreaterThan(ps.length);
        assertThat(Arrays.equals(received, 0, ps.length, ps, 0, ps.length)).isTrue();
        assertThat(outOfOrder.get()).isZero();
        assertThat(delivered.get()).isEqualTo(CameraTestData.D1_PACKETS);
        RtpStreamStats.Snapshot stats = stream.stats();
        assertThat(stats.packets()).isEqualTo(CameraTestData.D1_PACKETS);
        assertThat(stats.bytes()).isEqualTo(received.length);
        assertThat(stats.lost()).isZero();
        assertThat(stream.isClosed()).isTrue();
        assertThat(stream.ssrcChanges()).isZero();
        TcpRtpCounters counters = server.counters();
        Await.until("the connection counted closed", () -> counters.connectionsClosed() == 1);
        assertThat(counters.connectionsOpened()).isEqualTo(1);
        assertThat(counters.truncatedFrames()).isZero();
        assertThat(counters.framingErrors()).isZero();
        assertThat(server.registrations()).isZero();
    }

    /** Before the fix about one run in four saw the registration still counted once ended. */
    @RepeatedTest(40)
    void aStreamThatHasEndedIsNoLongerRegistered() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> delivered.incrementAndGet());
        try (Socket device = connect()) {
            writeFramed(device.getOutputStream(), RtpPackets.numbered(SSRC, 1));
            Await.until("the packet", () -> delivered.get() == 1);
        }
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
        assertThat(server.registrations()).isZero();
        assertThat(server.counters().connectionsClosed()).isEqualTo(1);
        assertThat(server.counters().truncatedFrames()).isZero();
    }

    @Test
    void ssrcChangeOnTheSameConnectionKeepsFeedingTheSameStream() throws Exception {
        List<Long> ssrcs = new CopyOnWriteArrayList<>();
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> ssrcs.add(header.ssrc()));
        try (Socket device = connect()) {
            OutputStream out = device.getOutputStream();
            for (int seq = 0; seq < 10; seq++) {
                writeFramed(out, RtpPackets.numbered(SSRC, seq));
            }
            for (int seq = 40_000; seq < 40_010; seq++) { // new source: new SSRC, new sequence space
                writeFramed(out, RtpPackets.numbered(OTHER_SSRC, seq));
            }
            Await.until("20 packets", () -> ssrcs.size() >= 20);
        }
        assertThat(ssrcs.subList(0, 10)).containsOnly(SSRC);
        assertThat(ssrcs.subList(10, 20)).containsOnly(OTHER_SSRC);
        assertThat(stream.ssrc()).isEqualTo(OTHER_SSRC);
        assertThat(stream.ssrcChanges()).isEqualTo(1);
        assertThat(server.counters().unknownSsrcRefusals()).isZero();
    }

    @Test
    void rtcpAndShortFramesAreCountedAndDoNotBind() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        TcpRtpStream stream = server.registerAnySsrc((header, payload, sender) -> delivered.incrementAndGet());
        try (Socket device = connect()) {
            OutputStream out = device.getOutputStream();
            writeFramed(out, Unpooled.wrappedBuffer(bytes(0x80, 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0))); // RTCP SR
            writeFramed(out, Unpooled.wrappedBuffer(bytes(0x80, 96, 0, 1))); // too short for RTP
            writeFramed(out, Unpooled.EMPTY_BUFFER); // zero-length frame
            Await.until("three drops", () -> server.counters().drops(RtpDropReason.TOO_SHORT) == 2
                    && server.counters().rtcpIgnored() == 1);
            assertThat(stream.ssrc()).isEqualTo(RtpRegistration.ANY_SSRC);
            writeFramed(out, RtpPackets.numbered(OTHER_SSRC, 7));
            Await.until("the RTP packet", () -> delivered.get() == 1);
        }
        assertThat(stream.ssrc()).isEqualTo(OTHER_SSRC);
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
        assertThat(server.counters().framingErrors()).isZero();
    }

    @Test
    void garbageFramingClosesTheConnectionWithoutBindingTheStream() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        TcpRtpStream stream = server.registerAnySsrc((header, payload, sender) -> delivered.incrementAndGet());
        byte[] ps = Files.readAllBytes(CameraTestData.cameraFile("d1-h264-704x576.ps"));
        try (Socket device = connect()) {
            // raw PS without RFC 4571 framing, as a misconfigured device would send it
            device.getOutputStream().write(ps, 0, 4096);
            assertThat(device.getInputStream().read()).as("server closes the connection").isEqualTo(-1);
        }
        Await.until("the connection counted closed", () -> server.counters().connectionsClosed() == 1);
        assertThat(server.counters().framingErrors()).isEqualTo(1);
        assertThat(server.counters().drops(RtpDropReason.BAD_VERSION)).isEqualTo(1);
        assertThat(server.counters().truncatedFrames()).isZero();
        assertThat(delivered.get()).isZero();
        assertThat(stream.isClosed()).isFalse();
        assertThat(stream.ssrc()).isEqualTo(RtpRegistration.ANY_SSRC);

        try (Socket device = connect()) { // the registration still waits for the real device
            writeFramed(device.getOutputStream(), RtpPackets.numbered(SSRC, 1));
            Await.until("the packet", () -> delivered.get() == 1);
        }
        assertThat(stream.ssrc()).isEqualTo(SSRC);
    }

    @Test
    void connectionEndingInsideAFrameIsCountedAsTruncated() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> delivered.incrementAndGet());
        try (Socket device = connect()) {
            OutputStream out = device.getOutputStream();
            writeFramed(out, RtpPackets.numbered(SSRC, 1));
            out.write(bytes(0x03, 0xE8, 0x80, 96, 0, 2)); // announces 1000 bytes, sends 4
            out.flush();
            Await.until("the first packet", () -> delivered.get() == 1);
        }
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
        Await.until("the truncation counted", () -> server.counters().truncatedFrames() == 1);
        assertThat(delivered.get()).isEqualTo(1);
        assertThat(server.counters().framingErrors()).isZero();
    }

    @Test
    void unknownSsrcOnASharedPortIsRefused() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> delivered.incrementAndGet());
        try (Socket stranger = connect()) {
            writeFramed(stranger.getOutputStream(), RtpPackets.numbered(OTHER_SSRC, 1));
            assertThat(stranger.getInputStream().read()).as("server closes the connection").isEqualTo(-1);
        }
        assertThat(server.counters().unknownSsrcRefusals()).isEqualTo(1);
        assertThat(stream.isClosed()).isFalse();
        try (Socket device = connect(); Socket duplicate = connect()) {
            writeFramed(device.getOutputStream(), RtpPackets.numbered(SSRC, 1));
            Await.until("the registered device's packet", () -> delivered.get() == 1);
            // the registration is taken: a second connection with the same SSRC is refused too
            writeFramed(duplicate.getOutputStream(), RtpPackets.numbered(SSRC, 2));
            assertThat(duplicate.getInputStream().read()).isEqualTo(-1);
            assertThat(server.counters().unknownSsrcRefusals()).isEqualTo(2);
            writeFramed(device.getOutputStream(), RtpPackets.numbered(SSRC, 3));
            Await.until("the device still streaming", () -> delivered.get() == 2);
        }
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
    }

    @Test
    void aFailingListenerIsCountedAndTheStreamGoesOn() throws Exception {
        List<Integer> sequences = new CopyOnWriteArrayList<>();
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> {
            sequences.add(header.sequence());
            if (header.sequence() == 1) {
                throw new IllegalStateException("listener bug");
            }
        });
        try (Socket device = connect()) {
            for (int seq = 1; seq <= 3; seq++) {
                writeFramed(device.getOutputStream(), RtpPackets.numbered(SSRC, seq));
            }
            Await.until("three packets", () -> sequences.size() == 3);
        }
        assertThat(sequences).containsExactly(1, 2, 3);
        assertThat(stream.listenerFailures()).isEqualTo(1);
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.PEER_CLOSED);
    }

    @Test
    void closingTheStreamClosesTheDevicesConnection() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> delivered.incrementAndGet());
        try (Socket device = connect()) {
            writeFramed(device.getOutputStream(), RtpPackets.numbered(SSRC, 1));
            Await.until("the packet", () -> delivered.get() == 1);
            stream.close();
            assertThat(device.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.CLOSED_LOCALLY);
        assertThat(server.registrations()).isZero();
        Await.until("the connection counted closed", () -> server.counters().connectionsClosed() == 1);
        assertThat(server.counters().truncatedFrames()).isZero();
    }

    @Test
    void duplicateRegistrationsAreRejectedAndClosingTheServerEndsWaitingOnes() throws Exception {
        TcpRtpStream stream = server.register(SSRC, (header, payload, sender) -> { });
        TcpRtpStream any = server.registerAnySsrc((header, payload, sender) -> { });
        assertThatThrownBy(() -> server.register(SSRC, (header, payload, sender) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already waits");
        assertThatThrownBy(() -> server.registerAnySsrc((header, payload, sender) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> server.register(1L << 32, (header, payload, sender) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.registrations()).isEqualTo(2);
        server.close();
        assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.CLOSED_LOCALLY);
        assertThat(any.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.CLOSED_LOCALLY);
        assertThatThrownBy(() -> server.register(SSRC, (header, payload, sender) -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aPortFromTheRangeGoesBackWhenTheServerCloses() throws Exception {
        RtpPortRange range = new RtpPortRange(41_000, 41_999);
        TcpRtpServer dedicated = TcpRtpServer.bindInRange(group, LOOPBACK, range);
        AtomicInteger delivered = new AtomicInteger();
        try {
            assertThat(dedicated.port()).isBetween(41_000, 41_999);
            assertThat(range.inUse()).isEqualTo(1);
            TcpRtpStream stream = dedicated.registerAnySsrc((header, payload, sender) -> delivered.incrementAndGet());
            try (Socket device = new Socket(LOOPBACK, dedicated.port())) {
                writeFramed(device.getOutputStream(), RtpPackets.numbered(OTHER_SSRC, 1));
                Await.until("the packet", () -> delivered.get() == 1);
                dedicated.close();
                assertThat(device.getInputStream().read()).isEqualTo(-1);
            }
            assertThat(stream.ended().get(20, TimeUnit.SECONDS)).isEqualTo(TcpRtpCloseReason.CLOSED_LOCALLY);
        } finally {
            dedicated.close();
        }
        assertThat(range.inUse()).isZero();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(LOOPBACK, server.port());
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    /** Writes {@code packet} with its RFC 4571 length prefix and releases it. */
    static void writeFramed(OutputStream out, ByteBuf packet) throws IOException {
        ByteBuf framed = Unpooled.buffer();
        try {
            Rfc4571.writePacket(packet, framed);
            out.write(ByteBufUtil.getBytes(framed));
            out.flush();
        } finally {
            framed.release();
            packet.release();
        }
    }

    /** Writes {@code bytes} in pieces of 1 to 3000 bytes, so frames and length prefixes get split. */
    static void writeInRandomPieces(OutputStream out, byte[] bytes, Random random) throws IOException {
        for (int offset = 0; offset < bytes.length; ) {
            int piece = Math.min(bytes.length - offset, 1 + random.nextInt(3000));
            out.write(bytes, offset, piece);
            out.flush();
            offset += piece;
        }
    }
}
