package io.gbgate.sip.mansrtsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MANSRTSP bodies as platforms send them in INFO, round trips and malformed bodies. */
class MansrtspCodecTest {

    @Test
    void formatsResumeAsTheStandardExample() {
        assertThat(MansrtspCodec.format(MansrtspPlay.resume(2)))
                .isEqualTo("PLAY RTSP/1.0\r\nCSeq: 2\r\nRange: npt=now-\r\n");
    }

    @Test
    void formatsSeekScaleAndPause() {
        assertThat(MansrtspCodec.format(MansrtspPlay.seek(3, 120)))
                .isEqualTo("PLAY RTSP/1.0\r\nCSeq: 3\r\nRange: npt=120-\r\n");
        assertThat(MansrtspCodec.format(MansrtspPlay.scale(4, 0.5)))
                .isEqualTo("PLAY RTSP/1.0\r\nCSeq: 4\r\nScale: 0.5\r\n");
        assertThat(MansrtspCodec.format(new MansrtspPlay(5, NptRange.NOW, 2.0)))
                .isEqualTo("PLAY RTSP/1.0\r\nCSeq: 5\r\nRange: npt=now-\r\nScale: 2\r\n");
        assertThat(MansrtspCodec.format(MansrtspPause.now(6)))
                .isEqualTo("PAUSE RTSP/1.0\r\nCSeq: 6\r\nPauseTime: now\r\n");
        assertThat(new String(MansrtspCodec.encode(new MansrtspTeardown(7)), StandardCharsets.US_ASCII))
                .isEqualTo("TEARDOWN RTSP/1.0\r\nCSeq: 7\r\n");
    }

    static Stream<MansrtspRequest> requests() {
        return Stream.of(MansrtspPlay.resume(1), MansrtspPlay.seek(2, 0), MansrtspPlay.seek(3, 3599.5),
                MansrtspPlay.scale(4, 0.25), MansrtspPlay.scale(5, 8), new MansrtspPlay(6, NptRange.from(10), 4.0),
                new MansrtspPlay(7, new NptRange(10.0, 20.0), null), new MansrtspPlay(8, null, null),
                MansrtspPause.now(9), new MansrtspPause(10, 42.0), new MansrtspTeardown(11),
                new MansrtspTeardown(MansrtspChecks.MAX_CSEQ));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void formatThenParseGivesTheSameRecord(MansrtspRequest request) {
        assertThat(MansrtspCodec.decode(MansrtspCodec.encode(request))).isEqualTo(request);
    }

    @Test
    void toleratesLfLinesCaseAndExtraHeaders() {
        MansrtspRequest request = MansrtspCodec.parse("play rtsp/1.0\ncseq:12\nrange:  NPT = now -\n"
                + "scale: 1.0\nUser-Agent: vendor\n\n");

        assertThat(request).isEqualTo(new MansrtspPlay(12, NptRange.NOW, 1.0));
        assertThat(((MansrtspPlay) request).range().isNow()).isTrue();
    }

    @Test
    void readsWvpStyleBodies() {
        assertThat(MansrtspCodec.parse("PLAY RTSP/1.0\r\nCSeq: 20\r\nScale: 2.0\r\n"))
                .isEqualTo(MansrtspPlay.scale(20, 2));
        assertThat(MansrtspCodec.parse("PAUSE RTSP/1.0\r\nCSeq: 21\r\nPauseTime: now\r\n"))
                .isEqualTo(MansrtspPause.now(21));
        assertThat(MansrtspCodec.parse("PLAY RTSP/1.0\r\nCSeq: 22\r\nRange: npt=35-\r\n"))
                .isEqualTo(MansrtspPlay.seek(22, 35));
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("GET RTSP/1.0\r\nCSeq: 1\r\n", "unsupported MANSRTSP method 'GET'"),
                Arguments.of("PLAY\r\nCSeq: 1\r\n", "request line must be '<METHOD> RTSP/1.0'"),
                Arguments.of("PLAY HTTP/1.1\r\nCSeq: 1\r\n", "request line must be"),
                Arguments.of("PLAY RTSP/1.0\r\nRange: npt=now-\r\n", "lacks the CSeq header"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: two\r\n", "CSeq must be a number"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: -1\r\n", "CSeq must be a number"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nCSeq: 2\r\n", "header CSeq appears twice"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange now\r\n", "has no 'Name: value'"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: clock=20240301T000000Z-\r\n",
                        "Range must be 'npt=now-'"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=abc-\r\n", "Range start is not a number: 'abc'"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=-5-\r\n", "Range start is not a number"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nRange: npt=20-10\r\n", "npt end 10.0 is before start 20.0"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: fast\r\n", "Scale is not a number: 'fast'"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: 0\r\n", "Scale must be a positive number"),
                Arguments.of("PLAY RTSP/1.0\r\nCSeq: 1\r\nScale: NaN\r\n", "Scale is not a number"),
                Arguments.of("PAUSE RTSP/1.0\r\nCSeq: 1\r\nPauseTime: later\r\n", "PauseTime is not a number"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void malformedBodiesAreRejectedClearly(String body, String message) {
        assertThatThrownBy(() -> MansrtspCodec.parse(body)).isInstanceOf(MansrtspException.class)
                .hasMessageContaining(message);
    }

    @Test
    void emptyAndOversizedBodiesAreRejected() {
        assertThatThrownBy(() -> MansrtspCodec.decode(new byte[0])).hasMessage("empty MANSRTSP body");
        assertThatThrownBy(() -> MansrtspCodec.parse("  \r\n")).hasMessage("empty MANSRTSP body");
        assertThatThrownBy(() -> MansrtspCodec.decode(new byte[MansrtspCodec.MAX_BODY_BYTES + 1]))
                .hasMessageContaining("exceeds");
    }

    @Test
    void recordsRefuseImpossibleValues() {
        assertThatThrownBy(() -> MansrtspPlay.scale(1, -2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Scale");
        assertThatThrownBy(() -> MansrtspPlay.seek(1, -1)).hasMessageContaining("npt start");
        assertThatThrownBy(() -> new MansrtspTeardown(-1)).hasMessageContaining("CSeq");
        assertThatThrownBy(() -> new MansrtspPause(1, Double.POSITIVE_INFINITY)).hasMessageContaining("PauseTime");
    }
}
