package io.gbgate.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VideoParametersTest {
    private static final byte[] START = {0, 0, 0, 1};
    private static final byte[] SHORT_START = {0, 0, 1};

    @BeforeAll
    static void paranoidLeakDetection() {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    }

    @Test
    void findsTheH264SpsBehindAnAccessUnitDelimiter() {
        byte[] sps = new BitWriter().bits(66, 8).bits(0, 8).bits(30, 8).ue(0)
                .ue(0).ue(2).ue(1).flag(false).ue(21).ue(17).flag(true).flag(true)
                .flag(false).flag(false).nal(0x67); // 352x288
        AccessUnit unit = unit(Codec.H264, START, new byte[] {0x09, (byte) 0xF0}, START, sps,
                SHORT_START, new byte[] {0x68, (byte) 0xCE, 0x38, (byte) 0x80}, START, new byte[] {0x65, (byte) 0x88, 0x40});
        try {
            assertThat(VideoParameters.fromAccessUnit(unit))
                    .isEqualTo(new VideoParameters(Codec.H264, 352, 288, 66, 30, 0));
            assertThat(unit.data().readerIndex()).isZero();
        } finally {
            unit.release();
        }
    }

    @Test
    void findsTheH265SpsBehindTheVps() {
        byte[] sps = Base64.getDecoder().decode(
                "QgEBIUAAAAMAkAAAAwAAAwCWoAUCAWlnpbkShc1AQIC4QAAAAwBAAAAFFEn/eEAOpgAV+V8IBBA=");
        AccessUnit unit = unit(Codec.H265, START, new byte[] {0x40, 0x01, 0x0C, 0x01}, START, sps,
                START, new byte[] {0x44, 0x01, (byte) 0xC1}, START, new byte[] {0x26, 0x01, (byte) 0xAF});
        try {
            VideoParameters p = VideoParameters.fromAccessUnit(unit);
            assertThat(p.codec()).isEqualTo(Codec.H265);
            assertThat(p.width()).isEqualTo(640);
            assertThat(p.height()).isEqualTo(360);
        } finally {
            unit.release();
        }
    }

    @Test
    void returnsNullWithoutSpsOrForAudio() {
        AccessUnit slice = unit(Codec.H264, START, new byte[] {0x41, (byte) 0x9A, 0x00});
        AccessUnit audio = unit(Codec.G711A, new byte[] {0x67, 0x55, 0x55});
        AccessUnit empty = unit(Codec.H264);
        try {
            assertThat(VideoParameters.fromAccessUnit(slice)).isNull();
            assertThat(VideoParameters.fromAccessUnit(audio)).isNull();
            assertThat(VideoParameters.fromAccessUnit(empty)).isNull();
        } finally {
            slice.release();
            audio.release();
            empty.release();
        }
    }

    @Test
    void corruptSpsIsReportedNotSwallowed() {
        AccessUnit unit = unit(Codec.H264, START, new byte[] {0x67, 0x4D, 0x00});
        try {
            assertThatThrownBy(() -> VideoParameters.fromAccessUnit(unit))
                    .isInstanceOf(MalformedBitstreamException.class);
        } finally {
            unit.release();
        }
    }

    @Test
    void rejectsImpossibleValues() {
        assertThatThrownBy(() -> new VideoParameters(Codec.G711A, 1, 1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VideoParameters(Codec.H264, 0, 1, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AccessUnit unit(Codec codec, byte[]... parts) {
        ByteBuf data = PooledByteBufAllocator.DEFAULT.directBuffer();
        for (byte[] part : parts) {
            data.writeBytes(part);
        }
        return new AccessUnit(codec, 0, 0, true, data);
    }
}
