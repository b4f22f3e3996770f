package io.gbgate.sip.manscdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.manscdp.DeviceControlCommand.Guard;
import io.gbgate.sip.manscdp.DeviceControlCommand.HomePosition;
import io.gbgate.sip.manscdp.DeviceControlCommand.Keyframe;
import io.gbgate.sip.manscdp.DeviceControlCommand.Recording;
import io.gbgate.sip.manscdp.DeviceControlCommand.ResetAlarm;
import io.gbgate.sip.manscdp.DeviceControlCommand.TeleBoot;
import io.gbgate.sip.manscdp.DeviceControlCommand.Unmodelled;
import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzPreset;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Encode then decode gives the same record, for every control, query, response and notify of the vocabulary. */
class ManscdpVocabularyRoundTripTest {

    static final String DEVICE = "34020000001320000001";
    static final LocalDateTime NINE = LocalDateTime.of(2024, 3, 1, 9, 0, 0);
    static final LocalDateTime TEN = LocalDateTime.of(2024, 3, 1, 10, 0, 0);

    static Stream<ManscdpMessage> messages() {
        BasicParam basic = new BasicParam("前端设备", 3600, 60, 3);
        return Stream.of(
                DeviceControl.ptz(1, DEVICE, PtzCmd.of(PtzPreset.call(3))),
                DeviceControl.of(2, DEVICE, new TeleBoot()),
                DeviceControl.of(3, DEVICE, new Recording(true)),
                DeviceControl.of(4, DEVICE, new Recording(false)),
                DeviceControl.of(5, DEVICE, new Guard(true)),
                DeviceControl.of(6, DEVICE, new Guard(false)),
                DeviceControl.of(7, DEVICE, new ResetAlarm("5", "2")),
                DeviceControl.of(8, DEVICE, new ResetAlarm(null, null)),
                DeviceControl.of(9, DEVICE, new HomePosition(true, 30, 1)),
                DeviceControl.of(10, DEVICE, new HomePosition(false, null, null)),
                new DeviceControl(11, DEVICE, List.of(new Keyframe(), new Unmodelled("VendorCmd", "x"))),
                new DeviceConfig(12, DEVICE, basic),
                new DeviceConfig(13, DEVICE, new BasicParam(null, null, 30, null)),
                new DeviceConfigResponse(14, DEVICE, ManscdpResult.OK),
                new DeviceStatusQuery(15, DEVICE),
                new DeviceStatusResponse(16, DEVICE, ManscdpResult.OK, "ONLINE", "OK", null, "ON", "OFF", TEN,
                        List.of(new AlarmStatusItem("34020000001340000001", "ONDUTY"),
                                new AlarmStatusItem("34020000001340000002", "ALARM"))),
                new DeviceStatusResponse(17, DEVICE, ManscdpResult.ERROR, "OFFLINE", "ERROR", "disk full", null,
                        null, null, List.of()),
                RecordInfoQuery.all(18, DEVICE, NINE, TEN),
                new RecordInfoQuery(19, DEVICE, NINE, TEN, "/rec/a.mp4", "楼道", 1, RecordType.MANUAL,
                        "34020000001110000001"),
                new RecordInfoResponse(20, DEVICE, "大门", 3, List.of(
                        new RecordItem(DEVICE, "大门", "ch01_0001", "一楼", NINE, NINE.plusMinutes(30), 0,
                                RecordType.TIME, null, 536_870_912L),
                        new RecordItem(DEVICE, null, null, null, NINE.plusMinutes(30), TEN, null, null, null,
                                null))),
                new RecordInfoResponse(21, DEVICE, null, 0, List.of()),
                new PresetQuery(22, DEVICE),
                new PresetQueryResponse(23, DEVICE, List.of(new PresetItem(1, "门口"), new PresetItem(2, null))),
                ConfigDownloadQuery.basicParam(24, DEVICE),
                new ConfigDownloadResponse(25, DEVICE, ManscdpResult.OK, basic),
                new AlarmNotify(26, DEVICE, 1, "5", TEN, "移动侦测", 117.2, -31.5, "2"),
                new AlarmNotify(27, DEVICE, null, null, null, null, null, null, null),
                AlarmQuery.all(28, DEVICE),
                new AlarmQuery(29, DEVICE, 1, 4, "5", "2", NINE, TEN),
                new AlarmResponse(30, DEVICE, ManscdpResult.OK),
                new MobilePositionNotify(31, DEVICE, TEN, 116.397128, 39.916527, 36.5, 270.0, -12.0),
                new MobilePositionNotify(32, DEVICE, TEN, 0.0, 0.0, null, null, null),
                new MobilePositionQuery(33, DEVICE, 5),
                new MobilePositionQuery(34, DEVICE, null),
                MediaStatusNotify.fileEnd(35, DEVICE),
                new CatalogNotify(36, DEVICE, 2, List.of(
                        new CatalogChange(CatalogEvent.ADD, ManscdpRoundTripTest.item("34020000001320000009", "新")),
                        new CatalogChange(CatalogEvent.DEL, new CatalogItem("34020000001320000008", null, null,
                                null, null, null, null, null, null, null, null, null, null, null, null)))));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void encodeThenDecodeGivesTheSameRecord(ManscdpMessage message) {
        byte[] body = ManscdpCodec.encode(message);

        assertThat(new String(body, Charset.forName("GB2312")))
                .contains("<" + message.kind().elementName() + ">")
                .contains("<CmdType>" + message.cmdType() + "</CmdType>");
        assertThat(ManscdpCodec.decode(body, null)).isEqualTo(message);
    }

    @Test
    void everyCatalogEventSurvives() {
        for (CatalogEvent event : CatalogEvent.values()) {
            CatalogNotify notify = new CatalogNotify(1, DEVICE, 1, List.of(new CatalogChange(event,
                    ManscdpRoundTripTest.item(DEVICE, "x"))));
            assertThat(ManscdpCodec.decode(ManscdpCodec.encode(notify), null)).isEqualTo(notify);
        }
    }

    @Test
    void timesAreWrittenInTheStandardFormWithoutFraction() {
        RecordInfoQuery query = RecordInfoQuery.all(1, DEVICE, NINE.plusNanos(123_000_000), TEN);

        String xml = new String(ManscdpCodec.encode(query), Charset.forName("GB2312"));

        assertThat(xml).contains("<StartTime>2024-03-01T09:00:00</StartTime>")
                .contains("<EndTime>2024-03-01T10:00:00</EndTime>")
                .contains("<Type>all</Type>");
    }

    @Test
    void deviceControlWritesCommandsAsTheStandardSpellsThem() {
        DeviceControl control = new DeviceControl(1, DEVICE, List.of(new Guard(true), new ResetAlarm("2", "1")));

        String xml = new String(ManscdpCodec.encode(control), Charset.forName("GB2312"));

        assertThat(xml).contains("<GuardCmd>SetGuard</GuardCmd>").contains("<AlarmCmd>ResetAlarm</AlarmCmd>")
                .contains("<AlarmMethod>2</AlarmMethod>").contains("<AlarmType>1</AlarmType>");
        assertThat(control.find(Guard.class)).contains(new Guard(true));
        assertThat(control.find(TeleBoot.class)).isEmpty();
        assertThat(control.iFrame()).isFalse();
    }

    @Test
    void recordsRefuseInconsistentValues() {
        assertThatThrownBy(() -> new DeviceControl(1, DEVICE, List.of(new TeleBoot(), new TeleBoot())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("<TeleBoot> twice");
        assertThatThrownBy(() -> RecordInfoQuery.all(1, DEVICE, TEN, NINE))
                .hasMessageContaining("is before StartTime");
        assertThatThrownBy(() -> new HomePosition(true, null, 256)).hasMessageContaining("PresetIndex");
        assertThatThrownBy(() -> new MobilePositionQuery(1, DEVICE, 0)).hasMessageContaining("Interval");
        assertThatThrownBy(() -> new BasicParam(null, -1, null, null)).hasMessageContaining("Expiration");
        assertThatThrownBy(() -> new ConfigDownloadQuery(1, DEVICE, " ")).hasMessageContaining("ConfigType");
        assertThatThrownBy(() -> new MobilePositionNotify(1, DEVICE, TEN, Double.NaN, 0, null, null, null))
                .hasMessageContaining("finite");
    }

    @Test
    void configDownloadQueryRecognisesBasicParamAmongSeveralBlocks() {
        assertThat(new ConfigDownloadQuery(1, DEVICE, "VideoParamOpt/basicparam").wantsBasicParam()).isTrue();
        assertThat(new ConfigDownloadQuery(1, DEVICE, "VideoParamOpt").wantsBasicParam()).isFalse();
    }
}
