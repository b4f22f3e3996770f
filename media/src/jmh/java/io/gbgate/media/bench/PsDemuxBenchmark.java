package io.gbgate.media.bench;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.ps.PsDemuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * {@link PsDemuxer} throughput on the real D1 camera program stream. One operation is one pass
 * over the whole file (3.28 MB, 1347 packs) through a fresh demuxer whose consumer only counts
 * the access units; MB/s = ops/s x file size, also reported directly as {@code megabytes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PsDemuxBenchmark {
    /** About one RTP payload as cameras send them (MTU 1500 less IP, UDP and RTP headers). */
    static final int RTP_PAYLOAD_BYTES = 1400;

    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final UnitCounter units = new UnitCounter();
    private ByteBuf file;
    private int fileBytes;

    @Setup(Level.Trial)
    public void load() {
        file = CameraRecording.programStream();
        fileBytes = file.readableBytes();
        if (onePass(fileBytes) == 0) {
            throw new IllegalStateException("the demuxer found no access unit in " + CameraRecording.PS_FILE);
        }
    }

    @TearDown(Level.Trial)
    public void release() {
        file.release();
    }

    /** The file fed in RTP-payload-sized chunks, as the ingest feeds it. */
    @Benchmark
    public int rtpSizedChunks(ByteCounter input) {
        input.add(fileBytes);
        return onePass(RTP_PAYLOAD_BYTES);
    }

    /** The whole file in one feed: the demuxer's parsing cost without per-feed overhead. */
    @Benchmark
    public int wholeFile(ByteCounter input) {
        input.add(fileBytes);
        return onePass(fileBytes);
    }

    private int onePass(int chunkBytes) {
        units.count = 0;
        try (PsDemuxer demuxer = new PsDemuxer(alloc, units)) {
            for (int offset = 0; offset < fileBytes; offset += chunkBytes) {
                demuxer.feed(file.setIndex(offset, Math.min(fileBytes, offset + chunkBytes)));
            }
            demuxer.endOfFrame();
        }
        return units.count;
    }

    /** The no-op consumer: the demuxer releases each unit after the call. */
    private static final class UnitCounter implements Consumer<AccessUnit> {
        int count;

        @Override
        public void accept(AccessUnit unit) {
            count++;
        }
    }
}
