package io.gbgate.sip.manscdp;

import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzMove;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManscdpRoundTripTest {

    static final String DEVICE = "34020000001320000001";

    static CatalogItem item(String id, String name) {
        return new CatalogItem(id, name, "Hikvision", "DS-2CD3T46", "Owner", "340200", "一号楼 东门", 0,
                "34020000001110000001", 1, 0, "ON", 117.2345678, 31.8765432, 3);
    }

    static Stream<ManscdpMessage> messages() {
        return Stream.of(
                new KeepaliveNotify(7, DEVICE, "OK"),
                new CatalogQuery(8, DEVICE),
                new CatalogResponse(9, DEVICE, 3, List.of(
                        item("34020000001320000001", "大门摄像机"),
                        item("34020000001320000002", "停车场球机"),
                        new CatalogItem("34020000001320000003", "仓库", null, null, null, null, null, null, null,
                                null, null, "OFF", null, null, null))),
                new DeviceInfoQuery(10, DEVICE),
                new DeviceInfoResponse(11, DEVICE, "前端设备", "Dahua", "DH-IPC", "V2.800", 4, ManscdpResult.OK),
                DeviceControl.requestIFrame(12, DEVICE),
                DeviceControl.ptz(13, DEVICE, PtzCmd.of(PtzMove.up(0x10))),
                new DeviceControlResponse(14, DEVICE, ManscdpResult.ERROR),
                new UnknownManscdp(ManscdpKind.QUERY, "SnapShotConfig", 15, DEVICE));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encodeThenDecodeGivesTheSameRecord(ManscdpMessage message) {
        byte[] body = ManscdpCodec.encode(message);

        assertThat(new String(body, Charset.forName("GB2312")))
                .startsWith("<?xml version=\"1.0\" encoding=\"GB2312\"?>")
                .contains("<CmdType>" + message.cmdType() + "</CmdType>");
        assertThat(ManscdpCodec.decode(body, null)).isEqualTo(message);
    }

    @Test
    void charactersOutsideGb2312SurviveAsCharacterReferences() {
        CatalogResponse message = new CatalogResponse(1, DEVICE, 1, List.of(item(DEVICE, "王堃的摄像机 😀")));

        assertThat(ManscdpCodec.decode(ManscdpCodec.encode(message), null)).isEqualTo(message);
    }

    @Test
    void controlCharactersAreRefusedRatherThanWrittenAsBadXml() {
        KeepaliveNotify broken = new KeepaliveNotify(1, DEVICE, "O\u0001K");

        assertThatThrownBy(() -> ManscdpCodec.encode(broken))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("<Status> contains control character U+0001");
    }

    @Test
    void unmodelledCommandsCannotShadowHeaderOrModelledElements() {
        assertThatThrownBy(() -> new DeviceControlCommand.Unmodelled("SN", "2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SN");
        assertThatThrownBy(() -> new DeviceControlCommand.Unmodelled("IFameCmd", "Send"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceControlCommand.Unmodelled("PTZCmd", "A50F0100000000B5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeviceControlCommand.Unmodelled("<x>", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
