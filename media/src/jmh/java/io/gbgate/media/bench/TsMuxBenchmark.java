package io.gbgate.media.bench;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.ps.PsDemuxer;
import io.gbgate.media.ts.TsMuxer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
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
 * {@link TsMuxer} throughput: the access units of the D1 camera file (demuxed once, retained)
 * written into one reused pooled buffer, cleared per operation. One operation muxes every unit
 * once; MB/s counts access unit bytes in ({@code megabytes}), not transport stream bytes out.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dio.netty.leakDetection.level=disabled")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TsMuxBenchmark {
    private final PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private final List<AccessUnit> units = new ArrayList<>();
    private final TsMuxer muxer = new TsMuxer(Codec.H264, null);
    private long inputBytes;
    private ByteBuf out;

    @Setup(Level.Trial)
    public void demuxOnce() {
        ByteBuf file = CameraRecording.programStream();
        try (PsDemuxer demuxer = new PsDemuxer(alloc, unit -> units.add(unit.retain()))) {
            demuxer.feed(file);
            demuxer.endOfFrame();
        } finally {
            file.release();
        }
        for (AccessUnit unit : units) {
            if (unit.codec() != Codec.H264) {
                throw new IllegalStateException("expected H.264 only in " + CameraRecording.PS_FILE + ", got " + unit);
            }
            inputBytes += unit.size();
        }
        if (units.isEmpty()) {
            throw new IllegalStateException("the demuxer found no access unit in " + CameraRecording.PS_FILE);
        }
        out = alloc.buffer((int) (inputBytes * 2));
        muxFile(new ByteCounter());
        if (muxer.unitsWritten() != units.size() || muxer.unitsMalformed() != 0 || out.writerIndex() < inputBytes) {
            throw new IllegalStateException("muxing the camera units failed: " + muxer.unitsWritten() + " of "
                    + units.size() + " written, " + muxer.unitsMalformed() + " malformed, " + out.writerIndex()
                    + " TS bytes for " + inputBytes + " input bytes");
        }
        System.out.printf("%n%d access units, %d bytes in, %d TS bytes out per operation%n",
                units.size(), inputBytes, out.writerIndex());
    }

    @TearDown(Level.Trial)
    public void release() {
        units.forEach(AccessUnit::release);
        units.clear();
        out.release();
    }

    /** Every access unit of the file into a transport stream. */
    @Benchmark
    public int muxFile(ByteCounter input) {
        out.clear();
        for (int i = 0, n = units.size(); i < n; i++) {
            muxer.write(units.get(i), out);
        }
        input.add(inputBytes);
        return out.writerIndex();
    }
}
