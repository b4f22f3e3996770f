package io.gbgate.media.llhls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Query parameters of blocking reloads and the file names of the LL-HLS resources. */
class LlHlsRequestParsingTest {
    @Test
    void blockingReloadParameters() {
        assertThat(BlockingReload.parse(null, null)).isNull();
        assertThat(BlockingReload.parse("12", null)).isEqualTo(new BlockingReload(12, -1));
        assertThat(BlockingReload.parse("12", "3")).isEqualTo(new BlockingReload(12, 3));
        assertThatThrownBy(() -> BlockingReload.parse(null, "3")).isInstanceOf(LlHlsRequestException.class)
                .hasMessage("_HLS_part needs _HLS_msn");
        for (String bad : new String[] {"", "-1", "1.5", "abc", "99999999999999999999", "1e3", " 1"}) {
            assertThatThrownBy(() -> BlockingReload.parse(bad, null)).as(bad)
                    .isInstanceOf(LlHlsRequestException.class).hasMessageStartingWith("_HLS_msn must be");
        }
        assertThatThrownBy(() -> BlockingReload.parse("1", "x")).isInstanceOf(LlHlsRequestException.class)
                .hasMessageStartingWith("_HLS_part must be");
        assertThatThrownBy(() -> BlockingReload.parse("1", "10001")).isInstanceOf(LlHlsRequestException.class);
    }

    @Test
    void fileNamesRoundTrip() {
        PartPosition position = new PartPosition(41, 7);
        assertThat(LlHlsNames.parse(LlHlsNames.part(position))).contains(new LlHlsNames.Part(position));
        assertThat(LlHlsNames.parse(LlHlsNames.segment(41))).contains(new LlHlsNames.Segment(41));
        assertThat(LlHlsNames.parse(LlHlsNames.init(2))).contains(new LlHlsNames.Init(2));
        assertThat(LlHlsNames.part(position)).isEqualTo("part41.7.m4s");
        for (String bad : new String[] {"seg.m4s", "seg-1.m4s", "part1.m4s", "part1..m4s", "part1.2.3.m4s",
                "init.mp4", "index.m3u8", "seg1.ts", "../seg1.m4s", "part1.x.m4s"}) {
            assertThat(LlHlsNames.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void partPositionsOrderAsPublished() {
        assertThat(new PartPosition(3, 9)).isLessThan(new PartPosition(4, 0));
        assertThat(new PartPosition(4, 1).isAtOrAfter(new PartPosition(4, 1))).isTrue();
    }
}
