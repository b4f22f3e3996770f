package io.gbgate.media.ps;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProgramStreamMapTest {
    private final ProgramStreamMap map = new ProgramStreamMap();

    private boolean update(String hex) {
        ByteBuf psm = Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
        return map.update(psm, 0, psm.readableBytes());
    }

    @Test
    void wellFormedMapWithDescriptors() {
        // program_stream_info with one descriptor; video entry with two descriptors; audio entry; CRC.
        assertThat(update("000001bc0022" + "e0ff" + "0004" + "0a020000" + "0014"
                + "1be0000c" + "42020102" + "2a06010203040506" + "90c00000" + "00000000")).isTrue();
        assertThat(map.streamType(0xE0)).isEqualTo(0x1B);
        assertThat(map.streamType(0xC0)).isEqualTo(0x90);
        assertThat(map.streamType(0xE1)).isEqualTo(ProgramStreamMap.UNDECLARED);
    }

    @Test
    void audioEntryHiddenInTheVideoDescriptorsIsRecovered() {
        // Hikvision layout: the video ES_info_length (0x10) also covers the audio entry 90 c0 0000.
        assertThat(update("000001bc001e" + "e1ff" + "0000" + "0014"
                + "1be00010" + "2a0a7fff00000bb81ffef087" + "90c00000" + "00000000")).isTrue();
        assertThat(map.streamType(0xE0)).isEqualTo(0x1B);
        assertThat(map.streamType(0xC0)).isEqualTo(0x90);
    }

    @Test
    void truncatedMapIsRejectedAndKeepsThePreviousTable() {
        assertThat(update("000001bc000e" + "e0ff" + "0000" + "0004" + "24e00000" + "00000000")).isTrue();
        assertThat(update("000001bc0008" + "e0ff" + "0000" + "0040")).isFalse();
        assertThat(update("000001bc0004" + "e0ff0000")).isFalse();
        assertThat(map.streamType(0xE0)).isEqualTo(0x24);
    }
}
