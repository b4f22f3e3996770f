package io.gbgate.media.rtp;

import static io.gbgate.media.rtp.RtpPackets.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.util.ArrayList;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NettyLeakGuard.class)
class UdpRtpReceiverTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final long SSRC = CameraTestData.D1_SSRC;
    private static EventLoopGroup group;

    private UdpRtpReceiver receiver;
    private DatagramChannel socket;

    @BeforeAll
    static void start() {
        group = new NioEventLoopGroup(1);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @BeforeEach
    void open() throws IOException {
        receiver = UdpRtpReceiver.bind(group, LOOPBACK, 0);
        socket = DatagramChannel.open();
        socket.connect(new InetSocketAddress(LOOPBACK, receiver.port()));
    }

    @AfterEach
    void close() throws IOException {
        socket.close();
        receiver.close();
    }

    @Test
    void cameraRecordingArrivesCompleteAndInOrder() throws Exception {
        List<byte[]> packets = cameraPackets();
        ByteArrayOutputStream payloads = new ByteArrayOutputStream();
        AtomicInteger delivered = new AtomicInteger();
        AtomicInteger markers = new AtomicInteger();
        AtomicInteger outOfOrder = new AtomicInteger();
        int[] nextSequence = {0};
        RtpRegistration stream = receiver.register(SSRC, (header, payload, sender) -> {
            if (header.sequence() != nextSequence[0]) {
                outOfOrder.incrementAndGet();
            }
            nextSequence[0] = (header.sequence() + 1) & 0xFFFF;
            if (header.marker()) {
                markers.incrementAndGet();
            }
            payloads.writeBytes(ByteBufUtil.getBytes(payload));
            delivered.incrementAndGet();
        });
        // pace: never more than 64 datagrams in flight, so loopback cannot overflow the socket buffer
        for (int from = 0; from < packets.size(); from += 64) {
            int to = Math.min(packets.size(), from + 64);
            for (byte[] packet : packets.subList(from, to)) {
                socket.write(ByteBuffer.wrap(packet));
            }
            int sent = to;
            Await.until(sent + " packets delivered", () -> delivered.get() >= sent);
        }
        byte[] ps = Files.readAllBytes(CameraTestData.cameraFile("d1-h264-704x576.ps"));
        byte[] received = payloads.toByteArray();
        // the recording's payloads hold the whole .ps file followed by the stream's tail
        assertThat(received.length).isGreaterThan(ps.length);
        assertThat(Arrays.equals(received, 0, ps.length, ps, 0, ps.length)).isTrue();
        assertThat(outOfOrder.get()).isZero();
        assertThat(markers.get()).isEqualTo(countMarkers(packets));
        RtpStreamStats.Snapshot stats = stream.stats();
        assertThat(stats.packets()).isEqualTo(CameraTestData.D1_PACKETS);
        assertThat(stats.bytes()).isEqualTo(received.length);
        assertThat(stats.lost()).isZero();
        assertThat(stats.duplicates()).isZero();
        assertThat(receiver.unknownSsrcDrops()).isZero();
    }

    @Test
    void swappedPacketsAreDeliveredInOrderAndCountedAsReordered() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        RtpRegistration stream = receiver.register(SSRC, (header, payload, sender) -> order.add(header.sequence()));
        send(RtpPackets.numbered(SSRC, 0));
        for (int seq = 1; seq < 200; seq += 2) {
            send(RtpPackets.numbered(SSRC, seq + 1));
            send(RtpPackets.numbered(SSRC, seq));
        }
        Await.until("201 packets", () -> order.size() >= 201);
        assertThat(order).containsExactlyElementsOf(RtpReorderBufferTest.range(0, 201));
        Await.until("stats", () -> stream.stats().packets() == 201);
        assertThat(stream.stats().reordered()).isEqualTo(100);
        assertThat(stream.stats().lost()).isZero();
    }

    @Test
    void unknownSsrcIsDroppedAndCounted() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        receiver.register(SSRC, (header, payload, sender) -> seen.add(header.ssrc()));
        for (int seq = 0; seq < 5; seq++) {
            send(RtpPackets.numbered(0x1234L, seq));
        }
        send(RtpPackets.numbered(SSRC, 0)); // datagrams are processed in order: this one comes last
        Await.until("the registered stream's packet", () -> seen.size() == 1);
        assertThat(seen).containsExactly(SSRC);
        assertThat(receiver.unknownSsrcDrops()).isEqualTo(5);
    }

    @Test
    void unknownSendersAreRememberedForDiagnosis() throws Exception {
        send(RtpPackets.numbered(0x01000007L, 0));
        send(RtpPackets.numbered(0x01000007L, 1));
        Await.until("counted", () -> receiver.unknownSsrcDrops() == 2);
        List<UnknownRtpSources.Source> sources = receiver.recentUnknownSources();
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).ssrc()).isEqualTo(0x01000007L);
        assertThat(sources.get(0).packets()).isEqualTo(2);
        assertThat(sources.get(0).sender().getPort()).isEqualTo(((InetSocketAddress) socket.getLocalAddress()).getPort());
    }

    @Test
    void aSenderThatSwitchesSsrcMidStreamKeepsFeedingItsStream() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        RtpRegistration stream = receiver.register(SSRC, (header, payload, sender) -> seen.add(header.ssrc()));
        for (int seq = 0; seq < 3; seq++) {
            send(RtpPackets.numbered(SSRC, seq));
        }
        for (int seq = 0; seq < 5; seq++) {
            send(RtpPackets.numbered(0x2222L, 1000 + seq));
        }
        Await.until("packets of both SSRCs", () -> seen.size() >= 7);
        assertThat(seen.subList(0, 3)).containsOnly(SSRC);
        assertThat(seen).contains(0x2222L);
        assertThat(stream.ssrcChanges()).isEqualTo(1);
        assertThat(stream.ssrc()).isEqualTo(0x2222L);
        assertThat(receiver.unknownSsrcDrops()).isZero();

        // another source with an unknown SSRC is still refused
        try (DatagramChannel other = DatagramChannel.open()) {
            other.connect(new InetSocketAddress(LOOPBACK, receiver.port()));
            ByteBuf stranger = RtpPackets.numbered(0x3333L, 0);
            other.write(stranger.nioBuffer());
            stranger.release();
        }
        Await.until("stranger counted", () -> receiver.unknownSsrcDrops() == 1);
        stream.close();
        assertThat(receiver.registrations()).isZero();
    }

    @Test
    void malformedAndRtcpDatagramsAreCountedByReasonAndNeverDelivered() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        receiver.register(SSRC, (header, payload, sender) -> seen.add(header.sequence()));
        sendRaw(bytes(0x80));
        sendRaw(bytes(0x80, 96, 0, 1, 5, 0xF5, 0xED, 0x76, 0, 0));
        sendRaw(bytes(0x40, 96, 0, 1, 0, 0, 0, 0, 5, 0xF5, 0xED, 0x76));
        sendRaw(rtcpSenderReport());
        sendRaw(bytes(0x81, 203, 0, 1, 5, 0xF5, 0xED, 0x76)); // BYE
        sendRaw(bytes(0x8F, 96, 0, 1, 0, 0, 0, 0, 5, 0xF5, 0xED, 0x76, 1, 2, 3, 4));
        sendRaw(bytes(0x90, 96, 0, 1, 0, 0, 0, 0, 5, 0xF5, 0xED, 0x76, 0xBE, 0xDE, 0, 9));
        sendRaw(bytes(0xA0, 96, 0, 1, 0, 0, 0, 0, 5, 0xF5, 0xED, 0x76, 1, 0));
        sendRaw(new byte[UdpRtpReceiver.DATAGRAM_BUFFER_BYTES + 100]); // truncated by the socket
        Random random = new Random(11);
        int garbage = 300;
        for (int i = 0; i < garbage; i++) {
            byte[] datagram = new byte[1 + random.nextInt(60)];
            random.nextBytes(datagram);
            if (datagram.length >= 12) {
                datagram[8] = 0x7F; // never the registered SSRC
            }
            sendRaw(datagram);
        }
        send(RtpPackets.numbered(SSRC, 42));
        Await.until("the valid packet", () -> seen.size() == 1);
        assertThat(seen).containsExactly(42);
        assertThat(receiver.rtcpIgnored()).isGreaterThanOrEqualTo(2);
        assertThat(receiver.drops(RtpDropReason.TOO_LONG)).isEqualTo(1);
        assertThat(receiver.drops(RtpDropReason.CSRC_OVERRUN)).isGreaterThanOrEqualTo(1);
        assertThat(receiver.drops(RtpDropReason.EXTENSION_OVERRUN)).isGreaterThanOrEqualTo(1);
        assertThat(receiver.drops(RtpDropReason.BAD_PADDING)).isGreaterThanOrEqualTo(1);
        assertThat(receiver.drops(RtpDropReason.BAD_VERSION)).isGreaterThanOrEqualTo(1);
        assertThat(receiver.drops(RtpDropReason.TOO_SHORT)).isGreaterThanOrEqualTo(2);
        long accounted = receiver.unknownSsrcDrops();
        for (RtpDropReason reason : RtpDropReason.values()) {
            accounted += receiver.drops(reason);
        }
        assertThat(accounted).isEqualTo(9 + garbage);
    }

    @Test
    void wildcardRegistrationIsBoundByTheFirstRtpPacketNeverByRtcp() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        RtpRegistration any = receiver.registerAnySsrc((header, payload, sender) -> seen.add(header.sequence()));
        assertThat(any.ssrc()).isEqualTo(RtpRegistration.ANY_SSRC);
        assertThatThrownBy(() -> receiver.registerAnySsrc((h, p, s) -> { }))
                .isInstanceOf(IllegalStateException.class);
        sendRaw(rtcpSenderReport());
        sendRaw(bytes(0x80, 96, 0));
        send(RtpPackets.numbered(0xABCDL, 5));
        try (DatagramChannel second = DatagramChannel.open()) { // a second source does not take over
            second.connect(new InetSocketAddress(LOOPBACK, receiver.port()));
            ByteBuf other = RtpPackets.numbered(0x9999L, 6);
            second.write(other.nioBuffer());
            other.release();
        }
        send(RtpPackets.numbered(0xABCDL, 6));
        Await.until("two packets", () -> seen.size() == 2);
        assertThat(any.ssrc()).isEqualTo(0xABCDL);
        assertThat(seen).containsExactly(5, 6);
        assertThat(receiver.rtcpIgnored()).isEqualTo(1);
        assertThat(receiver.unknownSsrcDrops()).isEqualTo(1);
        assertThat(receiver.registrations()).isEqualTo(1);
    }

    @Test
    void unregisteredStreamStopsReceivingAndReleasesWhatItHeld() throws Exception {
        List<Integer> seen = new CopyOnWriteArrayList<>();
        RtpRegistration stream = receiver.register(SSRC, (header, payload, sender) -> seen.add(header.sequence()));
        send(RtpPackets.numbered(SSRC, 0));
        send(RtpPackets.numbered(SSRC, 2)); // held until 1 arrives
        send(RtpPackets.numbered(SSRC, 3));
        Await.until("first packet", () -> seen.size() == 1);
        Await.until("held packets counted", () -> stream.stats().packets() == 3);
        stream.close();
        assertThat(stream.isClosed()).isTrue();
        assertThat(receiver.registrations()).isZero();
        send(RtpPackets.numbered(SSRC, 1));
        RtpRegistration other = receiver.register(0x42L, (h, p, s) -> seen.add(-1));
        send(RtpPackets.numbered(0x42L, 0));
        Await.until("the other stream", () -> seen.contains(-1));
        assertThat(seen).containsExactly(0, -1);
        assertThat(receiver.unknownSsrcDrops()).isEqualTo(1);
        other.close();
        stream.close(); // idempotent
    }

    @Test
    void duplicateRegistrationIsRefusedAndRegistersAreKeyedPerReceiver() {
        receiver.register(SSRC, (h, p, s) -> { });
        assertThatThrownBy(() -> receiver.register(SSRC, (h, p, s) -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> receiver.register(-5, (h, p, s) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        try (UdpRtpReceiver second = UdpRtpReceiver.bind(group, LOOPBACK, 0)) {
            RtpRegistration sameSsrcElsewhere = second.register(SSRC, (h, p, s) -> { });
            assertThat(sameSsrcElsewhere.receiver()).isSameAs(second);
        }
    }

    @Test
    void closedReceiverRefusesRegistrations() {
        receiver.close();
        assertThatThrownBy(() -> receiver.register(1, (h, p, s) -> { })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dedicatedPortComesFromTheRangeSkipsBusyPortsAndGoesBackOnClose() throws Exception {
        int first = 41_000 + 2 * new Random().nextInt(2000);
        RtpPortRange range = new RtpPortRange(first, first + 40);
        try (DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(LOOPBACK), first))) {
            try (UdpRtpReceiver dedicated = UdpRtpReceiver.bindInRange(group, LOOPBACK, range)) {
                assertThat(dedicated.port()).isNotEqualTo(squatter.getLocalPort()).isBetween(first + 2, first + 40);
                assertThat(dedicated.port() % 2).isZero();
                assertThat(range.inUse()).isEqualTo(1);
            }
        }
        assertThat(range.inUse()).isZero();
    }

    @Test
    void listenerMayCloseItsReceiverOnTheEventLoop() throws Exception {
        int first = 43_000 + 2 * new Random().nextInt(2000);
        RtpPortRange range = new RtpPortRange(first, first + 40);
        UdpRtpReceiver dedicated = UdpRtpReceiver.bindInRange(group, LOOPBACK, range);
        AtomicInteger calls = new AtomicInteger();
        dedicated.registerAnySsrc((header, payload, sender) -> {
            calls.incrementAndGet();
            if (header.sequence() == 1) {
                dedicated.close();
            }
        });
        try (DatagramChannel out = DatagramChannel.open()) {
            out.connect(new InetSocketAddress(LOOPBACK, dedicated.port()));
            for (int seq : new int[] {0, 2, 3, 1}) { // 2 and 3 are held when 1 is delivered
                ByteBuf packet = RtpPackets.numbered(SSRC, seq);
                out.write(packet.nioBuffer());
                packet.release();
            }
            Await.until("the port to go back to the range", () -> range.inUse() == 0);
        }
        assertThat(calls.get()).isEqualTo(2); // 0 and 1: the held 2 and 3 were released undelivered
        dedicated.close();
    }

    @Test
    void bindingABusyPortFailsClearly() {
        assertThatThrownBy(() -> UdpRtpReceiver.bind(group, LOOPBACK, receiver.port()))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(String.valueOf(receiver.port()));
    }

    private void send(ByteBuf packet) throws IOException {
        try {
            socket.write(packet.nioBuffer());
        } finally {
            packet.release();
        }
    }

    private void sendRaw(byte[] datagram) throws IOException {
        socket.write(ByteBuffer.wrap(datagram));
    }

    private static byte[] rtcpSenderReport() {
        byte[] report = new byte[28];
        report[0] = (byte) 0x80;
        report[1] = (byte) 200;
        report[3] = 6;
        return report;
    }

    private static List<byte[]> cameraPackets() throws IOException {
        List<byte[]> packets = new ArrayList<>();
        Rfc4571.readFile(CameraTestData.cameraFile("d1-h264-704x576.rtp4571"), PooledByteBufAllocator.DEFAULT,
                packet -> {
                    packets.add(ByteBufUtil.getBytes(packet));
                    packet.release();
                });
        assertThat(packets).hasSize(CameraTestData.D1_PACKETS);
        return packets;
    }

    private static int countMarkers(List<byte[]> packets) {
        return (int) packets.stream().filter(p -> (p[1] & 0x80) != 0).count();
    }
}
