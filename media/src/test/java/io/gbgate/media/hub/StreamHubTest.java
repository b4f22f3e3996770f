package io.gbgate.media.hub;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamHubTest {

    @BeforeAll
    static void paranoid() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    /** Records what it got; keeps nothing. */
    private static final class Recorder implements StreamSink {
        final List<Long> pts = new ArrayList<>();
        final List<ByteBuf> buffers = new ArrayList<>();
        String closedWith;

        @Override
        public void onAccessUnit(AccessUnit unit) {
            pts.add(unit.pts());
            buffers.add(unit.data());
        }

        @Override
        public void onStreamClosed(String reason) {
            closedWith = reason;
        }
    }

    private static AccessUnit unit(long pts, boolean key) {
        ByteBuf data = PooledByteBufAllocator.DEFAULT.buffer(16).writeLong(pts).writeLong(key ? 1 : 0);
        return new AccessUnit(Codec.H264, pts, pts, key, data);
    }

    private static void publish(StreamHub hub, long pts, boolean key) {
        AccessUnit unit = unit(pts, key);
        try {
            hub.publish(unit);
        } finally {
            unit.release();
        }
    }

    @Test
    void aLateSinkStartsAtTheLastKeyframe() {
        StreamHub hub = new StreamHub("s");
        publish(hub, 0, true);
        publish(hub, 1, false);
        publish(hub, 2, true);
        publish(hub, 3, false);
        Recorder late = new Recorder();
        hub.addSink(late);
        assertThat(late.pts).containsExactly(2L, 3L);
        publish(hub, 4, false);
        assertThat(late.pts).containsExactly(2L, 3L, 4L);
        hub.close("test over");
        assertThat(late.closedWith).isEqualTo("test over");
    }

    @Test
    void unitsBeforeTheFirstKeyframeAreNotCached() {
        StreamHub hub = new StreamHub("s");
        publish(hub, 0, false);
        Recorder late = new Recorder();
        hub.addSink(late);
        assertThat(late.pts).isEmpty();
        hub.close();
    }

    @Test
    void everySinkGetsTheSameBufferNotACopy() {
        StreamHub hub = new StreamHub("s");
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        hub.addSink(a);
        hub.addSink(b);
        publish(hub, 0, true);
        assertThat(a.buffers.get(0)).isSameAs(b.buffers.get(0));
        assertThat(hub.sinkCount()).isEqualTo(2);
        hub.close();
    }

    @Test
    void aFailingSinkIsRemovedAndTheOthersGoOn() {
        StreamHub hub = new StreamHub("s");
        hub.addSink(unit -> {
            throw new IllegalStateException("broken sink");
        });
        Recorder ok = new Recorder();
        hub.addSink(ok);
        publish(hub, 0, true);
        publish(hub, 1, false);
        assertThat(ok.pts).containsExactly(0L, 1L);
        assertThat(hub.sinkCount()).isEqualTo(1);
        hub.close();
    }

    @Test
    void aSinkAddedAfterCloseIsToldAtOnce() {
        StreamHub hub = new StreamHub("s");
        hub.close("device went offline");
        Recorder late = new Recorder();
        hub.addSink(late);
        assertThat(late.closedWith).isEqualTo("device went offline");
        publish(hub, 0, true);
        assertThat(late.pts).isEmpty();
    }

    @Test
    void countersCountVideoUnitsAndBytes() {
        StreamHub hub = new StreamHub("s");
        publish(hub, 0, true);
        publish(hub, 1, false);
        assertThat(hub.unitsPublished()).isEqualTo(2);
        assertThat(hub.videoUnitsPublished()).isEqualTo(2);
        assertThat(hub.bytesPublished()).isEqualTo(32);
        hub.close();
    }
}
