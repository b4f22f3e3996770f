package io.gbgate.sip.ptz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PTZCmd vectors computed by hand from GB/T 28181 appendix A.3, round trips and rejected inputs. */
class PtzCmdTest {

    static Stream<Arguments> vectors() {
        return Stream.of(
                Arguments.of(PtzCmd.of(PtzMove.stop()), "A50F0100000000B5"),
                Arguments.of(PtzCmd.of(PtzMove.left(0x1F)), "A50F01021F0000D6"),
                Arguments.of(PtzCmd.of(PtzMove.up(0xFA)), "A50F010800FA00B7"),
                Arguments.of(PtzCmd.of(PtzMove.upRight(0x40, 0x20)), "A50F01094020001E"),
                Arguments.of(PtzCmd.of(PtzMove.zoomIn(5)), "A50F011000005015"),
                Arguments.of(PtzCmd.of(PtzMove.zoomOut(15)), "A50F01200000F0C5"),
                Arguments.of(PtzCmd.of(PtzFocusIris.focusNear(0x30)), "A50F014230000027"),
                Arguments.of(PtzCmd.of(PtzFocusIris.irisClose(0x30)), "A50F01480030002D"),
                Arguments.of(PtzCmd.of(PtzPreset.set(5)), "A50F01810005003B"),
                Arguments.of(PtzCmd.of(PtzPreset.call(1)), "A50F018200010038"),
                Arguments.of(PtzCmd.of(PtzPreset.delete(255)), "A50F018300FF0037"),
                Arguments.of(PtzCmd.of(PtzCruise.addPoint(1, 3)), "A50F01840103003D"),
                Arguments.of(PtzCmd.of(PtzCruise.speed(2, 0x234)), "A50F018602342091"),
                Arguments.of(PtzCmd.of(PtzCruise.dwell(2, 30)), "A50F0187021E005C"),
                Arguments.of(PtzCmd.of(PtzCruise.start(2)), "A50F01880200003F"),
                Arguments.of(PtzCmd.of(PtzScan.setRightBoundary(1)), "A50F018901020041"),
                Arguments.of(PtzCmd.of(PtzScan.speed(1, 4095)), "A50F018A01FFF02F"),
                Arguments.of(PtzCmd.of(PtzAuxSwitch.on(1)), "A50F018C01000042"),
                Arguments.of(new PtzCmd(0x123, PtzMove.stop()), "A50F2300000001D8"),
                Arguments.of(new PtzCmd(4095, new PtzMove(PtzMove.Pan.NONE, PtzMove.Tilt.DOWN, PtzMove.Zoom.IN,
                        0, 255, 15)), "A50FFF1400FFFFC5"));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesToTheStandardBytes(PtzCmd command, String hex) {
        assertThat(command.toHex()).isEqualTo(hex);
        assertThat(lastByteIsSumOfTheOthers(hex)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesTheStandardBytes(PtzCmd command, String hex) {
        assertThat(PtzCmd.parse(hex)).isEqualTo(command);
        assertThat(PtzCmd.parse(hex.toLowerCase())).isEqualTo(command);
    }

    static Stream<PtzInstruction> everyBuilder() {
        return Stream.of(PtzMove.stop(), PtzMove.left(1), PtzMove.right(255), PtzMove.up(2), PtzMove.down(3),
                PtzMove.upLeft(4, 5), PtzMove.upRight(6, 7), PtzMove.downLeft(8, 9), PtzMove.downRight(10, 11),
                PtzMove.zoomIn(0), PtzMove.zoomOut(15), PtzFocusIris.stop(), PtzFocusIris.focusNear(1),
                PtzFocusIris.focusFar(200), PtzFocusIris.irisOpen(3), PtzFocusIris.irisClose(255),
                PtzPreset.set(1), PtzPreset.call(128), PtzPreset.delete(255), PtzCruise.addPoint(0, 1),
                PtzCruise.deletePoint(3, 7), PtzCruise.deleteCruise(3), PtzCruise.speed(255, 4095),
                PtzCruise.dwell(1, 0), PtzCruise.start(9), PtzScan.start(1), PtzScan.setLeftBoundary(2),
                PtzScan.setRightBoundary(3), PtzScan.speed(4, 100), PtzAuxSwitch.on(1), PtzAuxSwitch.off(255));
    }

    @ParameterizedTest
    @MethodSource("everyBuilder")
    void everyInstructionSurvivesARoundTripAtEveryAddressWidth(PtzInstruction instruction) {
        for (int address : new int[] {0, 1, 0xFF, 0x100, 0xFFF}) {
            PtzCmd command = new PtzCmd(address, instruction);
            assertThat(PtzCmd.parse(command.toHex())).isEqualTo(command);
            assertThat(PtzCmd.fromBytes(command.toBytes())).isEqualTo(command);
        }
    }

    @Test
    void stopIsRecognised() {
        PtzInstruction decoded = PtzCmd.parse("A50F0100000000B5").instruction();

        assertThat(decoded).isInstanceOfSatisfying(PtzMove.class, move -> assertThat(move.isStop()).isTrue());
        assertThat(PtzMove.left(1).isStop()).isFalse();
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        assertThatThrownBy(() -> PtzMove.left(256)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pan speed must be 0..255, got 256");
        assertThatThrownBy(() -> PtzMove.up(-1)).hasMessageContaining("tilt speed");
        assertThatThrownBy(() -> PtzMove.zoomIn(16)).hasMessage("zoom speed must be 0..15, got 16");
        assertThatThrownBy(() -> PtzPreset.call(0)).hasMessage("preset index must be 1..255, got 0");
        assertThatThrownBy(() -> PtzPreset.set(256)).hasMessageContaining("preset index");
        assertThatThrownBy(() -> PtzCruise.speed(1, 4096)).hasMessageContaining("cruise speed must be 0..4095");
        assertThatThrownBy(() -> PtzCruise.addPoint(1, 0)).hasMessageContaining("cruise preset index");
        assertThatThrownBy(() -> PtzScan.speed(256, 1)).hasMessageContaining("scan number");
        assertThatThrownBy(() -> new PtzScan(PtzScan.Action.START, 1, 5)).hasMessageContaining("scan speed");
        assertThatThrownBy(() -> PtzAuxSwitch.on(300)).hasMessageContaining("auxiliary switch number");
        assertThatThrownBy(() -> new PtzCmd(4096, PtzMove.stop())).hasMessage("PTZ address must be 0..4095, got 4096");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A50F0100000000", "A50F0100000000B500", "A50F01000000ZZB5"})
    void malformedStringsAreRejected(String hex) {
        assertThatThrownBy(() -> PtzCmd.parse(hex)).isInstanceOf(PtzFormatException.class)
                .hasMessageContaining("PTZCmd");
    }

    @Test
    void badChecksumIsRejectedWithBothValues() {
        assertThatThrownBy(() -> PtzCmd.parse("A50F0100000000B6")).isInstanceOf(PtzFormatException.class)
                .hasMessage("PTZCmd checksum is 0xB6, bytes 1-7 sum to 0xB5");
    }

    @Test
    void wrongLeadingByteOrVersionCheckIsRejected() {
        assertThatThrownBy(() -> PtzCmd.parse("A40F0100000000B4")).hasMessageContaining("byte 1 must be 0xA5");
        assertThatThrownBy(() -> PtzCmd.parse("A50E0100000000B4")).hasMessageContaining("check nibble should be 0xF");
    }

    @Test
    void undecodableInstructionsAreRejected() {
        assertThatThrownBy(() -> PtzCmd.parse(withChecksum("A50F0103100000")))
                .isInstanceOf(PtzFormatException.class).hasMessageContaining("both left and right");
        assertThatThrownBy(() -> PtzCmd.parse(withChecksum("A50F0143000000")))
                .hasMessageContaining("both focus near and far");
        assertThatThrownBy(() -> PtzCmd.parse(withChecksum("A50F0182000000")))
                .hasMessage("PTZ instruction 0x82: preset index must be 1..255, got 0");
        assertThatThrownBy(() -> PtzCmd.parse(withChecksum("A50F0189010500")))
                .hasMessageContaining("unknown byte 6 0x05");
        assertThatThrownBy(() -> PtzCmd.parse(withChecksum("A50F018B000000")))
                .hasMessage("unknown PTZ instruction code 0x8B");
    }

    private static String withChecksum(String sevenBytes) {
        int sum = 0;
        for (byte b : HexFormat.of().parseHex(sevenBytes)) {
            sum += b & 0xFF;
        }
        return sevenBytes + HexFormat.of().withUpperCase().toHexDigits((byte) sum);
    }

    private static boolean lastByteIsSumOfTheOthers(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        int sum = 0;
        for (int i = 0; i < 7; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (sum & 0xFF) == (bytes[7] & 0xFF);
    }
}
