package io.gbgate.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gbgate.media.NettyLeakGuard;
import io.gbgate.media.net.NettyTransport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.nio.NioEventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared port read by several SO_REUSEPORT sockets on an epoll group. */
@ExtendWith(NettyLeakGuard.class)
class UdpRtpReceiverReadersTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final int READERS = 4;
    private static EventLoopGroup group;

    private UdpRtpReceiver receiver;
    private final List<DatagramChannel> senders = new ArrayList<>();

    @BeforeAll
    static void start() {
        assumeTrue(Epoll.isAvailable(),
                () -> "native epoll transport unavailable here: " + Epoll.unavailabilityCause());
        group = NettyTransport.newEventLoopGroup(READERS, r -> new Thread(r, "reader-test-" + r.hashCode()));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (group != null) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @BeforeEach
    void open() {
        receiver = UdpRtpReceiver.bind(group, LOOPBACK, 0, READERS);
    }

    @AfterEach
    void close() throws IOException {
        for (DatagramChannel sender : senders) {
            sender.close();
        }
        receiver.close();
    }

    @Test
    void manySendersEachGetAllTheirPacketsInOrderOnTheirStream() throws Exception {
        assertThat(receiver.readers()).isEqualTo(READERS);
        int streams = 24;
        int packetsEach = 400;
        int[] next = new int[streams];
        AtomicInteger outOfOrder = new AtomicInteger();
        AtomicInteger misrouted = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        List<Set<String>> threadsPerStream = new ArrayList<>();
        Set<String> allThreads = ConcurrentHashMap.newKeySet();
        List<RtpRegistration> registrations = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            int stream = s;
            Set<String> threads = ConcurrentHashMap.newKeySet();
            threadsPerStream.add(threads);
            registrations.add(receiver.register(ssrcOf(s), (header, payload, from) -> {
                if (payload.getByte(payload.readerIndex()) != stream) {
                    misrouted.incrementAndGet();
                }
                if (header.sequence() != next[stream]) {
                    outOfOrder.incrementAndGet();
                }
                next[stream] = header.sequence() + 1;
                threads.add(Thread.currentThread().getName());
                allThreads.add(Thread.currentThread().getName());
                delivered.incrementAndGet();
            }));
            newSender();
        }
        // A few devices stream with SSRCs nobody registered, from their own ports.
        int strangers = 6;
        int strangerPackets = 50;
        for (int s = 0; s < strangers; s++) {
            newSender();
        }

        int batch = 50; // rounds per batch; each batch is awaited so no socket buffer can overflow
        for (int first = 0; first < packetsEach; first += batch) {
            for (int seq = first; seq < first + batch; seq++) {
                for (int s = 0; s < streams; s++) {
                    send(senders.get(s), RtpPackets.packet(ssrcOf(s), seq, 3600L * seq, false,
                            new byte[] {(byte) s, (byte) (seq >> 8), (byte) seq}));
                }
            }
            int expected = (first + batch) * streams;
            Await.until(expected + " packets delivered", () -> delivered.get() >= expected);
        }
        for (int s = 0; s < strangers; s++) {
            for (int seq = 0; seq < strangerPackets; seq++) {
                send(senders.get(streams + s), RtpPackets.numbered(0x7000_0000L + s, seq));
            }
        }
        Await.until("strangers counted", () -> receiver.unknownSsrcDrops() >= (long) strangers * strangerPackets);

        assertThat(delivered.get()).isEqualTo(streams * packetsEach);
        assertThat(outOfOrder.get()).isZero();
        assertThat(misrouted.get()).isZero();
        for (RtpRegistration registration : registrations) {
            RtpStreamStats.Snapshot stats = registration.stats();
            assertThat(stats.packets()).isEqualTo(packetsEach);
            assertThat(stats.lost()).isZero();
            assertThat(stats.reordered()).isZero();
            assertThat(registration.ssrcChanges()).isZero();
        }
        assertThat(receiver.unknownSsrcDrops()).isEqualTo((long) strangers * strangerPackets);
        assertThat(receiver.recentUnknownSources()).hasSize(strangers)
                .allSatisfy(source -> assertThat(source.packets()).isEqualTo(strangerPackets));
        // the kernel picks the socket by 4-tuple: one sender, one reader
        assertThat(threadsPerStream).allSatisfy(threads -> assertThat(threads).hasSize(1));
        assertThat(allThreads).as("readers that delivered packets").hasSizeGreaterThan(1);
        assertThat(receiver.registrations()).isEqualTo(streams);
    }

    @Test
    void malformedDatagramsFromManySendersAreCountedOnce() throws Exception {
        int sendersCount = 16;
        for (int s = 0; s < sendersCount; s++) {
            DatagramChannel sender = newSender();
            sender.write(ByteBuffer.wrap(new byte[] {(byte) 0x80, 96, 0, 1})); // too short
            sender.write(ByteBuffer.wrap(new byte[] {0x40, 96, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0})); // version 1
            sender.write(ByteBuffer.wrap(rtcpReceiverReport()));
        }
        Await.until("drops counted", () -> receiver.drops(RtpDropReason.TOO_SHORT) == sendersCount
                && receiver.drops(RtpDropReason.BAD_VERSION) == sendersCount
                && receiver.rtcpIgnored() == sendersCount);
        assertThat(receiver.unknownSsrcDrops()).isZero();
    }

    @Test
    void aSenderThatSwitchesSsrcKeepsFeedingItsStream() throws Exception {
        AtomicLong lastSsrc = new AtomicLong();
        AtomicInteger delivered = new AtomicInteger();
        RtpRegistration stream = receiver.register(0x1111L, (header, payload, from) -> {
            lastSsrc.set(header.ssrc());
            delivered.incrementAndGet();
        });
        DatagramChannel sender = newSender();
        for (int seq = 0; seq < 3; seq++) {
            send(sender, RtpPackets.numbered(0x1111L, seq));
        }
        Await.until("first SSRC delivered", () -> delivered.get() == 3);
        for (int seq = 0; seq < 4; seq++) {
            send(sender, RtpPackets.numbered(0x2222L, 500 + seq));
        }
        Await.until("second SSRC delivered", () -> delivered.get() == 7);
        assertThat(lastSsrc.get()).isEqualTo(0x2222L);
        assertThat(stream.ssrcChanges()).isEqualTo(1);
        assertThat(receiver.unknownSsrcDrops()).isZero();
    }

    @Test
    void aClosedRegistrationGetsNothingMoreWhileItsSenderKeepsSending() throws Exception {
        AtomicInteger delivered = new AtomicInteger();
        RtpRegistration stream = receiver.register(0x4444L, (header, payload, from) -> delivered.incrementAndGet());
        DatagramChannel sender = newSender();
        send(sender, RtpPackets.numbered(0x4444L, 0));
        send(sender, RtpPackets.numbered(0x4444L, 1));
        send(sender, RtpPackets.numbered(0x4444L, 3)); // held until 2 comes: released by close
        Await.until("two delivered, one held", () -> delivered.get() == 2 && stream.stats().packets() == 3);
        stream.close();
        int atClose = delivered.get();
        for (int seq = 2; seq < 20; seq++) {
            send(sender, RtpPackets.numbered(0x4444L, seq));
        }
        Await.until("late packets counted as unknown", () -> receiver.unknownSsrcDrops() == 18);
        assertThat(delivered.get()).isEqualTo(atClose);
        assertThat(receiver.registrations()).isZero();
    }

    @Test
    void closeReleasesThePortForTheNextReceiver() throws Exception {
        int port = receiver.port();
        receiver.close();
        receiver = UdpRtpReceiver.bind(group, LOOPBACK, port, READERS);
        assertThat(receiver.port()).isEqualTo(port);
        assertThat(receiver.readers()).isEqualTo(READERS);
        AtomicInteger delivered = new AtomicInteger();
        receiver.register(0x5555L, (header, payload, from) -> delivered.incrementAndGet());
        send(newSender(), RtpPackets.numbered(0x5555L, 0));
        Await.until("packet on the rebound port", () -> delivered.get() == 1);
        receiver.close();
        try (DatagramSocket plain = new DatagramSocket(new InetSocketAddress(LOOPBACK, port))) {
            assertThat(plain.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortAnotherSocketHoldsIsRefusedNotShared() throws Exception {
        try (DatagramSocket holder = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            assertThatThrownBy(() -> UdpRtpReceiver.bind(group, LOOPBACK, holder.getLocalPort(), READERS))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(String.valueOf(holder.getLocalPort()));
        }
        assertThatThrownBy(() -> UdpRtpReceiver.bind(group, LOOPBACK, receiver.port(), READERS))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void aNioGroupFallsBackToOneReader() throws Exception {
        EventLoopGroup nio = new NioEventLoopGroup(2);
        try {
            UdpRtpReceiver single = UdpRtpReceiver.bind(nio, LOOPBACK, 0, READERS);
            try {
                assertThat(single.readers()).isEqualTo(1);
                AtomicInteger delivered = new AtomicInteger();
                single.register(0x6666L, (header, payload, from) -> delivered.incrementAndGet());
                DatagramChannel sender = newSender(single.port());
                send(sender, RtpPackets.numbered(0x6666L, 0));
                Await.until("packet on the NIO receiver", () -> delivered.get() == 1);
            } finally {
                single.close();
            }
        } finally {
            nio.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void readersBelowOneAreRefused() {
        assertThatThrownBy(() -> UdpRtpReceiver.bind(group, LOOPBACK, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one reader");
    }

    private static long ssrcOf(int stream) {
        return 0x0100_0000L + stream;
    }

    private DatagramChannel newSender() throws IOException {
        return newSender(receiver.port());
    }

    private DatagramChannel newSender(int port) throws IOException {
        DatagramChannel sender = DatagramChannel.open();
        sender.bind(new InetSocketAddress(LOOPBACK, 0));
        sender.connect(new InetSocketAddress(LOOPBACK, port));
        senders.add(sender);
        return sender;
    }

    private static void send(DatagramChannel sender, ByteBuf packet) throws IOException {
        try {
            sender.write(packet.nioBuffer());
        } finally {
            packet.release();
        }
    }

    private static byte[] rtcpReceiverReport() {
        byte[] report = new byte[8];
        report[0] = (byte) 0x80;
        report[1] = (byte) 201;
        report[3] = 1;
        return report;
    }
}
