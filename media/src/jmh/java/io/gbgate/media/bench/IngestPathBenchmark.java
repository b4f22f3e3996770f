package io.gbgate.media.bench;

import io.gbgate.media.hls.HlsSegmenter;
import io.gbgate.media.hls.HlsSettings;
import io.gbgate.media.hls.HlsStats;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.ingest.IngestObserver;
import io.gbgate.media.ingest.PsOverRtpIngest;
import io.gbgate.media.ps.PsDemuxer;
import io.gbgate.media.rtp.RtpHeader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ingest path per RTP packet on the D1 camera recording ({@code .rtp4571}), replayed in a
 * loop like a simulated camera: one operation is one packet, so ops/s is packets/s and, with
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per packet. MB/s counts
 * whole RTP packets ({@code megabytes}). The replay itself allocates nothing: it points one
 * buffer's indices at each packet in turn, as the RTP receiver's reorder buffer does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestPathBenchmark {

    /** RtpHeader.parse + PsDemuxer with a no-op consumer: the demux share of the path. */
    @Benchmark
    public void rtpToDemuxer(DemuxOnly stream, ByteCounter input) {
        RtpHeader header = stream.replay.next(input);
        stream.demuxer.feed(stream.replay.payload());
        if (header.marker()) {
            stream.demuxer.endOfFrame();
        }
    }

    /** RtpHeader.parse + PsOverRtpIngest (PsDemuxer) + StreamHub + HlsSegmenter: the whole path. */
    @Benchmark
    public void rtpToHls(ToHls stream, ByteCounter input) {
        RtpHeader header = stream.replay.next(input);
        stream.ingest.onPacket(header, stream.replay.payload(), null);
    }

    /** The recording and the position of the next packet. */
    static final class Replay {
        private final RtpPackets packets = CameraRecording.rtpPackets();
        private int next;
        private ByteBuf current;
        long packetsFed;

        /** Parses the next packet (after the last comes the first) and selects its payload. */
        RtpHeader next(ByteCounter input) {
            current = packets.packet(next);
            next = next + 1 == packets.count() ? 0 : next + 1;
            packetsFed++;
            input.add(current.readableBytes());
            RtpHeader header = RtpHeader.parse(current);
            if (header == null) {
                throw new IllegalStateException("invalid RTP packet in the recording: " + RtpHeader.check(current));
            }
            current.setIndex(header.payloadOffset(), header.payloadOffset() + header.payloadLength());
            return header;
        }

        /** The payload of the packet {@link #next} selected. */
        ByteBuf payload() {
            return current;
        }

        String describe() {
            return packets.count() + " packets, " + packets.totalBytes() + " bytes per loop";
        }

        void release() {
            packets.release();
        }
    }

    /** State of {@link #rtpToDemuxer}. */
    @State(Scope.Thread)
    public static class DemuxOnly {
        Replay replay;
        PsDemuxer demuxer;

        @Setup(Level.Trial)
        public void open() {
            replay = new Replay();
            demuxer = new PsDemuxer(PooledByteBufAllocator.DEFAULT, unit -> { });
        }

        @TearDown(Level.Trial)
        public void close() {
            demuxer.close();
            System.out.printf("%nrecording: %s; fed %d packets; %s%n",
                    replay.describe(), replay.packetsFed, demuxer.stats());
            replay.release();
        }
    }

    /** State of {@link #rtpToHls}. */
    @State(Scope.Thread)
    public static class ToHls {
        Replay replay;
        StreamHub hub;
        HlsSegmenter segmenter;
        PsOverRtpIngest ingest;

        @Setup(Level.Trial)
        public void open() {
            replay = new Replay();
            hub = new StreamHub("bench");
            segmenter = new HlsSegmenter(HlsSettings.defaults(), PooledByteBufAllocator.DEFAULT);
            hub.addSink(segmenter);
            ingest = new PsOverRtpIngest(hub, PooledByteBufAllocator.DEFAULT, IngestObserver.NONE);
        }

        @TearDown(Level.Trial)
        public void close() {
            ingest.close();
            HlsStats hls = segmenter.stats();
            hub.close("benchmark done");
            long packets = replay.packetsFed;
            System.out.printf("%nrecording: %s; fed %d packets, %d segments published,"
                            + " segment copies %.0f bytes per packet; %s%n",
                    replay.describe(), packets, hls.segmentsCompleted(),
                    (double) hls.bytesPublished() / packets, hls);
            replay.release();
        }
    }
}
