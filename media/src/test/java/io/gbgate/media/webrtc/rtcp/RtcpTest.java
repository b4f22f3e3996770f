package io.gbgate.media.webrtc.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtcpTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void readsNackPliAndFirFromACompoundPacket() {
        byte[] compound = HEX.parseHex(
                "81c90001" + "00000001"                                     // empty receiver report
                + "81cd0003" + "00000001" + "0000abcd" + "fffe0005"           // NACK pid 65534, blp bits 0 and 2
                + "81ce0002" + "00000001" + "0000abcd"                        // PLI
                + "84ce0004" + "00000001" + "00000000" + "0000abce" + "07000000"); // FIR for 0xabce
        Recorder recorder = new Recorder();

        assertThat(RtcpFeedbackReader.isRtcp(Unpooled.wrappedBuffer(compound))).isTrue();
        assertThat(RtcpFeedbackReader.read(Unpooled.wrappedBuffer(compound), recorder)).isTrue();

        assertThat(recorder.nacks).containsExactly("abcd:65534", "abcd:65535", "abcd:1");
        assertThat(recorder.keyframes).containsExactly("abcd", "abce");
    }

    @Test
    void malformedCompoundIsReportedNotThrown() {
        Recorder recorder = new Recorder();
        byte[] overrun = HEX.parseHex("81ce0009" + "00000001" + "0000abcd");
        assertThat(RtcpFeedbackReader.read(Unpooled.wrappedBuffer(overrun), recorder)).isFalse();
        assertThat(RtcpFeedbackReader.read(Unpooled.wrappedBuffer(HEX.parseHex("41ce0002")), recorder)).isFalse();
        assertThat(recorder.keyframes).isEmpty();
        assertThat(RtcpFeedbackReader.isRtcp(Unpooled.wrappedBuffer(HEX.parseHex("8060000100000000")))).isFalse();
    }

    @Test
    void senderReportCarriesNtpRtpCountsAndCname() {
        ByteBuf report = RtcpSenderReportWriter.write(Unpooled.buffer().alloc(), 0x11223344L,
                1_700_000_000_500L, 0xCAFEBABEL, 10, 12345, "gbgate");
        byte[] bytes = ByteBufUtil.getBytes(report);
        report.release();

        assertThat(HEX.formatHex(bytes, 0, 8)).isEqualTo("80c8000611223344");
        long ntpSeconds = ((bytes[8] & 0xFFL) << 24) | ((bytes[9] & 0xFFL) << 16) | ((bytes[10] & 0xFFL) << 8) | (bytes[11] & 0xFFL);
        assertThat(ntpSeconds).isEqualTo(1_700_000_000L + 2_208_988_800L);
        assertThat(HEX.formatHex(bytes, 12, 28)).isEqualTo("80000000" + "cafebabe" + "0000000a" + "00003039");
        // SDES: header, SSRC, CNAME item "gbgate", end of list, padding to 32 bits
        assertThat(HEX.formatHex(bytes, 28, bytes.length)).isEqualTo("81ca0004" + "11223344" + "0106676267617465" + "00000000");
        assertThat(bytes.length % 4).isZero();
    }

    private static final class Recorder implements RtcpFeedbackListener {
        final List<String> keyframes = new ArrayList<>();
        final List<String> nacks = new ArrayList<>();

        @Override
        public void onKeyframeRequest(long mediaSsrc) {
            keyframes.add(Long.toHexString(mediaSsrc));
        }

        @Override
        public void onNack(long mediaSsrc, int sequence) {
            nacks.add(Long.toHexString(mediaSsrc) + ":" + sequence);
        }
    }
}
