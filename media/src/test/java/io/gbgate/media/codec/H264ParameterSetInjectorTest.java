package io.gbgate.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class H264ParameterSetInjectorTest {
    private static final String SPS = "00000001 6742c01e dd";
    private static final String PPS = "00000001 68ce3c80";
    private static final String IDR = "00000001 65888040";
    private static final String SLICE = "00000001 419a0102";
    private static final String AUD = "00000001 09f0";

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    private final H264ParameterSetInjector injector = new H264ParameterSetInjector();

    @Test
    void insertsRememberedParameterSetsIntoAKeyframeLackingThem() {
        assertThat(copy(SPS + PPS + IDR, true)).isEqualTo(hex(SPS + PPS + IDR));
        assertThat(injector.hasParameterSets()).isTrue();
        assertThat(copy(IDR, true)).isEqualTo(hex(SPS + PPS + IDR));
    }

    @Test
    void keepsTheAccessUnitDelimiterFirst() {
        injector.observe(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex(SPS + PPS))));
        assertThat(copy(AUD + IDR, true)).isEqualTo(hex(AUD + SPS + PPS + IDR));
    }

    @Test
    void leavesOtherUnitsAlone() {
        assertThat(copy(IDR, true)).as("nothing known yet").isEqualTo(hex(IDR));
        copy(SPS + PPS + IDR, true);
        assertThat(copy(SLICE, false)).isEqualTo(hex(SLICE));
        assertThat(copy(PPS + IDR, true)).as("incomplete: both sets put in front, the repeated PPS is legal")
                .isEqualTo(hex(SPS + PPS + PPS + IDR));
    }

    @Test
    void followsAChangedSps() {
        String otherSps = "00000001 6742c01f ee";
        copy(SPS + PPS + IDR, true);
        copy(otherSps + PPS + IDR, true);
        assertThat(copy(IDR, true)).isEqualTo(hex(otherSps + PPS + IDR));
    }

    private String copy(String input, boolean keyframe) {
        ByteBuf in = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex(input)));
        ByteBuf out = injector.copy(in, keyframe, PooledByteBufAllocator.DEFAULT);
        try {
            assertThat(in.readerIndex()).isZero();
            return ByteBufUtil.hexDump(out);
        } finally {
            out.release();
            in.release();
        }
    }

    private static String hex(String spaced) {
        return spaced.replace(" ", "");
    }
}
