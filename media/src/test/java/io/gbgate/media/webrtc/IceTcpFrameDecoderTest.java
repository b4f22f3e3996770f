package io.gbgate.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.NettyLeakGuard;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** RFC 4571 framing of ICE-TCP connections: split and coalesced reads, empty and oversized frames. */
@ExtendWith(NettyLeakGuard.class)
class IceTcpFrameDecoderTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void framesSplitAcrossReadsAndCoalescedInOneReadComeOutWhole() {
        EmbeddedChannel channel = new EmbeddedChannel(new IceTcpFrameDecoder(1500));
        byte[] stream = HEX.parseHex("0003" + "010203" + "0000" + "0002" + "8081");
        for (byte b : stream) { // one byte per read
            channel.writeInbound(pooled(new byte[] {b}));
        }
        assertFrame(channel.readInbound(), "010203");
        assertFrame(channel.readInbound(), "");
        assertFrame(channel.readInbound(), "8081");
        assertThat((Object) channel.readInbound()).isNull();

        channel.writeInbound(pooled(stream)); // all in one read
        assertFrame(channel.readInbound(), "010203");
        assertFrame(channel.readInbound(), "");
        assertFrame(channel.readInbound(), "8081");
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void frameAtTheLimitPassesAndOneByteMoreFailsAtOnce() {
        EmbeddedChannel channel = new EmbeddedChannel(new IceTcpFrameDecoder(600));
        byte[] atLimit = new byte[602];
        atLimit[0] = 0x02;
        atLimit[1] = 0x58; // 600
        channel.writeInbound(pooled(atLimit));
        ByteBuf frame = channel.readInbound();
        assertThat(frame.readableBytes()).isEqualTo(600);
        frame.release();

        // only the length prefix has arrived: the decoder fails before buffering the body
        assertThatThrownBy(() -> channel.writeInbound(pooled(HEX.parseHex("0259"))))
                .isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void maximalLengthPrefixIsRefused() {
        EmbeddedChannel channel = new EmbeddedChannel(new IceTcpFrameDecoder(1500));
        assertThatThrownBy(() -> channel.writeInbound(pooled(HEX.parseHex("ffff00000000"))))
                .isInstanceOf(TooLongFrameException.class);
        channel.finishAndReleaseAll();
    }

    @Test
    void truncatedFrameAtTheEndYieldsNothing() {
        EmbeddedChannel channel = new EmbeddedChannel(new IceTcpFrameDecoder(1500));
        channel.writeInbound(pooled(HEX.parseHex("0010" + "0102")));
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private static ByteBuf pooled(byte[] bytes) {
        return PooledByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
    }

    private static void assertFrame(Object frame, String hex) {
        assertThat(frame).isInstanceOf(ByteBuf.class);
        ByteBuf buf = (ByteBuf) frame;
        try {
            assertThat(HEX.formatHex(ByteBufUtil.getBytes(buf))).isEqualTo(hex);
        } finally {
            buf.release();
        }
    }
}
