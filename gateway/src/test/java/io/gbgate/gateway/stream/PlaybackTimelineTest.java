package io.gbgate.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.hub.StreamSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaybackTimelineTest {
    private static final long FRAME = 3_600;

    private final List<AccessUnit> received = new ArrayList<>();
    private final List<AccessUnit> sent = new ArrayList<>();
    private final StreamSink collector = unit -> received.add(unit.retain());
    private final PlaybackTimeline timeline = new PlaybackTimeline(collector);

    @BeforeAll
    static void paranoid() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @AfterEach
    void release() {
        received.forEach(AccessUnit::release);
        sent.forEach(AccessUnit::release);
    }

    private AccessUnit video(long dts, long ptsOffset) {
        ByteBuf data = Unpooled.directBuffer(8).writeBytes(new byte[] {0, 0, 0, 1, 0x41, 1, 2, 3});
        AccessUnit unit = new AccessUnit(Codec.H264, dts + ptsOffset, dts, false, data);
        sent.add(unit);
        return unit;
    }

    private AccessUnit audio(long pts) {
        AccessUnit unit = new AccessUnit(Codec.AAC, pts, pts, false, Unpooled.directBuffer(4).writeZero(4));
        sent.add(unit);
        return unit;
    }

    @Test
    void atSpeedOneUnitsPassUnchanged() {
        AccessUnit unit = video(90_000, FRAME);
        timeline.onAccessUnit(unit);
        timeline.onAccessUnit(audio(90_100));
        assertThat(received).hasSize(2);
        assertThat(received.get(0)).isSameAs(unit);
    }

    @Test
    void speedTwoHalvesOutputTimeFromWhereItChangedAndSharesTheBuffer() {
        timeline.onAccessUnit(video(0, 0));
        timeline.onAccessUnit(video(FRAME, 0));
        timeline.scale(2);
        for (int i = 2; i <= 4; i++) {
            timeline.onAccessUnit(video(i * FRAME, 2 * FRAME));
        }
        assertThat(received).extracting(AccessUnit::dts)
                .containsExactly(0L, FRAME, FRAME + FRAME / 2, 2 * FRAME, 2 * FRAME + FRAME / 2);
        assertThat(received.get(2).pts()).isEqualTo(received.get(2).dts() + FRAME);
        assertThat(received.get(2).data()).isSameAs(sent.get(2).data());
        assertThat(received.get(2).data().refCnt()).isEqualTo(2);
    }

    @Test
    void slowingDownAfterSpeedingUpStaysContinuous() {
        timeline.onAccessUnit(video(0, 0));
        timeline.scale(4);
        timeline.onAccessUnit(video(4 * FRAME, 0)); // out: FRAME
        timeline.scale(0.5);
        timeline.onAccessUnit(video(5 * FRAME, 0)); // out: FRAME + 2 FRAME
        assertThat(received).extracting(AccessUnit::dts).containsExactly(0L, FRAME, 3 * FRAME);
        assertThat(timeline.currentScale()).isEqualTo(0.5);
    }

    @Test
    void aSeekFollowsTheLastOutputFrame() {
        timeline.onAccessUnit(video(10 * FRAME, 0));
        timeline.onAccessUnit(video(11 * FRAME, 0));
        timeline.discontinuity();
        timeline.onAccessUnit(video(500 * FRAME, 0));
        timeline.onAccessUnit(video(501 * FRAME, 0));
        assertThat(received).extracting(AccessUnit::dts)
                .containsExactly(10 * FRAME, 11 * FRAME, 12 * FRAME, 13 * FRAME);
    }

    @Test
    void audioIsDroppedAndCountedWhileTheSpeedIsNotOne() {
        timeline.onAccessUnit(video(0, 0));
        timeline.scale(2);
        timeline.onAccessUnit(audio(100));
        timeline.onAccessUnit(audio(200));
        assertThat(received).hasSize(1);
        assertThat(timeline.audioDropped()).isEqualTo(2);
        timeline.scale(1);
        timeline.onAccessUnit(audio(300));
        assertThat(received).hasSize(2);
    }

    @Test
    void badSpeedsAreRejected() {
        assertThatThrownBy(() -> timeline.scale(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> timeline.scale(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> timeline.scale(-2)).isInstanceOf(IllegalArgumentException.class);
    }
}
