package io.gbgate.media.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class SentPacketHistoryTest {

    @Test
    void keepsTheLastPacketsBySequenceAcrossTheWrap() {
        SentPacketHistory history = new SentPacketHistory(4);
        ByteBuf[] packets = new ByteBuf[6];
        for (int i = 0; i < 6; i++) {
            packets[i] = Unpooled.buffer().writeInt(i);
            history.store((65533 + i) & 0xFFFF, packets[i]);
        }

        assertThat(history.retransmission(65533)).as("overwritten").isNull();
        assertThat(packets[0].refCnt()).isZero();
        ByteBuf resent = history.retransmission(1);
        assertThat(resent.getInt(0)).isEqualTo(4);
        resent.release();
        assertThat(history.retransmission(7)).as("never stored").isNull();

        history.close();
        for (int i = 2; i < 6; i++) {
            assertThat(packets[i].refCnt()).isZero();
        }
        ByteBuf late = Unpooled.buffer(4);
        history.store(9, late);
        assertThat(late.refCnt()).as("released once closed").isZero();
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new SentPacketHistory(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
