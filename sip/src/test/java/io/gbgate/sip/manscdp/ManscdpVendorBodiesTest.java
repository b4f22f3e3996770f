package io.gbgate.sip.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.sip.manscdp.DeviceControlCommand.Guard;
import io.gbgate.sip.manscdp.DeviceControlCommand.HomePosition;
import io.gbgate.sip.manscdp.DeviceControlCommand.Ptz;
import io.gbgate.sip.manscdp.DeviceControlCommand.Recording;
import io.gbgate.sip.manscdp.DeviceControlCommand.ResetAlarm;
import io.gbgate.sip.manscdp.DeviceControlCommand.TeleBoot;
import io.gbgate.sip.manscdp.DeviceControlCommand.Unmodelled;
import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzMove;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies shaped like those Hikvision / Dahua devices and common platforms send. */
class ManscdpVendorBodiesTest {

    static final String CHANNEL = "34020000001310000001";

    static ManscdpMessage decode(String xml) {
        return ManscdpCodec.decode(xml.getBytes(Charset.forName("GB18030")), null);
    }

    @Test
    void hikvisionRecordInfoInTwoPagesWithTheSameSn() {
        String first = """
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <CmdType>RecordInfo</CmdType>
                <SN>17</SN>
                <DeviceID>34020000001310000001</DeviceID>
                <Name>Camera 01</Name>
                <SumNum>3</SumNum>
                <RecordList Num="2">
                <Item>
                <DeviceID>34020000001310000001</DeviceID>
                <Name>Camera 01</Name>
                <FilePath>ch01_00000000000000100</FilePath>
                <Address>Address 1</Address>
                <StartTime>2024-03-01T00:00:00</StartTime>
                <EndTime>2024-03-01T00:59:59</EndTime>
                <Secrecy>0</Secrecy>
                <Type>time</Type>
                <FileSize>1073741824</FileSize>
                </Item>
                <Item>
                <DeviceID>34020000001310000001</DeviceID>
                <Name>Camera 01</Name>
                <StartTime>2024-03-01T01:00:00</StartTime>
                <EndTime>2024-03-01T01:20:07</EndTime>
                <Secrecy>0</Secrecy>
                <Type>alarm</Type>
                </Item>
                </RecordList>
                </Response>
                """;
        String second = """
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <CmdType>RecordInfo</CmdType>
                <SN>17</SN>
                <DeviceID>34020000001310000001</DeviceID>
                <Name>Camera 01</Name>
                <SumNum>3</SumNum>
                <RecordList Num="1">
                <Item>
                <DeviceID>34020000001310000001</DeviceID>
                <Name>Camera 01</Name>
                <StartTime>2024-03-01T01:20:08</StartTime>
                <EndTime>2024-03-01T02:00:00</EndTime>
                <Type>manual</Type>
                <RecorderID>34020000002000000001</RecorderID>
                </Item>
                </RecordList>
                </Response>
                """;

        RecordInfoResponse page1 = (RecordInfoResponse) decode(first);
        RecordInfoResponse page2 = (RecordInfoResponse) decode(second);

        assertThat(page1.sn()).isEqualTo(page2.sn()).isEqualTo(17);
        assertThat(page1.sumNum()).isEqualTo(page2.sumNum()).isEqualTo(3);
        assertThat(page1.items()).hasSize(2);
        assertThat(page1.items().get(0)).isEqualTo(new RecordItem(CHANNEL, "Camera 01", "ch01_00000000000000100",
                "Address 1", at(0, 0, 0), at(0, 59, 59), 0, RecordType.TIME, null, 1_073_741_824L));
        assertThat(page1.items().get(1).type()).isEqualTo(RecordType.ALARM);
        assertThat(page2.items()).containsExactly(new RecordItem(CHANNEL, "Camera 01", null, null, at(1, 20, 8),
                at(2, 0, 0), null, RecordType.MANUAL, "34020000002000000001", null));
    }

    @Test
    void dahuaRecordInfoWithSpaceSeparatedTimesMillisAndCapitalisedType() {
        RecordInfoResponse response = (RecordInfoResponse) decode("""
                <?xml version="1.0" encoding="GB2312" standalone="yes" ?>
                <Response>
                    <CmdType>RecordInfo</CmdType>
                    <SN>880</SN>
                    <DeviceID>34020000001310000001</DeviceID>
                    <Name>IPC</Name>
                    <SumNum>1</SumNum>
                    <RecordList Num="1">
                        <Item>
                            <DeviceID>34020000001310000001</DeviceID>
                            <Name>IPC</Name>
                            <FilePath></FilePath>
                            <Address></Address>
                            <StartTime>2024-03-01 08:00:00</StartTime>
                            <EndTime>2024-03-01 08:30:00.500</EndTime>
                            <Secrecy>0</Secrecy>
                            <Type>Time</Type>
                        </Item>
                    </RecordList>
                </Response>
                """);

        assertThat(response.items()).containsExactly(new RecordItem(CHANNEL, "IPC", null, null, at(8, 0, 0),
                at(8, 30, 0).plusNanos(500_000_000), 0, RecordType.TIME, null, null));
    }

    @Test
    void emptyRecordInfoAnswer() {
        RecordInfoResponse response = (RecordInfoResponse) decode("<Response><CmdType>RecordInfo</CmdType>"
                + "<SN>3</SN><DeviceID>" + CHANNEL + "</DeviceID><SumNum>0</SumNum></Response>");

        assertThat(response.sumNum()).isZero();
        assertThat(response.items()).isEmpty();
    }

    @Test
    void dahuaVideoAlarmWithNestedAlarmTypeParam() {
        AlarmNotify alarm = (AlarmNotify) decode("""
                <?xml version="1.0" encoding="GB2312" ?>
                <Notify>
                <CmdType>Alarm</CmdType>
                <SN>288</SN>
                <DeviceID>34020000001340000001</DeviceID>
                <AlarmPriority>4</AlarmPriority>
                <AlarmTime>2024-03-01T12:30:45</AlarmTime>
                <AlarmMethod>5</AlarmMethod>
                <AlarmDescription>移动侦测报警</AlarmDescription>
                <Longitude>0.0</Longitude>
                <Latitude>0.0</Latitude>
                <Info>
                <AlarmType>2</AlarmType>
                <AlarmTypeParam>
                <EventType>1</EventType>
                </AlarmTypeParam>
                </Info>
                </Notify>
                """);

        assertThat(alarm).isEqualTo(new AlarmNotify(288, "34020000001340000001", 4, "5", at(12, 30, 45),
                "移动侦测报警", 0.0, 0.0, "2"));
    }

    @Test
    void hikvisionAlarmInputWithoutInfo() {
        AlarmNotify alarm = (AlarmNotify) decode("<Notify><CmdType>Alarm</CmdType><SN>9</SN>"
                + "<DeviceID>34020000001340000002</DeviceID><AlarmPriority>1</AlarmPriority>"
                + "<AlarmMethod>2</AlarmMethod><AlarmTime>2024-03-01T06:00:01</AlarmTime></Notify>");

        assertThat(alarm.alarmMethod()).isEqualTo("2");
        assertThat(alarm.alarmType()).isNull();
        assertThat(alarm.alarmTime()).isEqualTo(at(6, 0, 1));
    }

    @Test
    void vehicleMobilePosition() {
        MobilePositionNotify position = (MobilePositionNotify) decode("""
                <?xml version="1.0" encoding="GB2312"?>
                <Notify>
                <CmdType>MobilePosition</CmdType>
                <SN>5</SN>
                <DeviceID>34020000001320000001</DeviceID>
                <Time>2024-03-01 12:00:00.123</Time>
                <Longitude>116.397128</Longitude>
                <Latitude>39.916527</Latitude>
                <Speed>36.5</Speed>
                <Direction>270</Direction>
                <Altitude>45</Altitude>
                </Notify>
                """);

        assertThat(position).isEqualTo(new MobilePositionNotify(5, "34020000001320000001",
                at(12, 0, 0).plusNanos(123_000_000), 116.397128, 39.916527, 36.5, 270.0, 45.0));
    }

    @Test
    void hikvisionDeviceStatusWithEmptyAlarmStatus() {
        DeviceStatusResponse status = (DeviceStatusResponse) decode("""
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <CmdType>DeviceStatus</CmdType>
                <SN>3</SN>
                <DeviceID>34020000001320000001</DeviceID>
                <Result>OK</Result>
                <Online>ONLINE</Online>
                <Status>OK</Status>
                <DeviceTime>2024-03-01T12:00:00</DeviceTime>
                <Alarmstatus Num="0">
                </Alarmstatus>
                <Encode>ON</Encode>
                <Record>OFF</Record>
                </Response>
                """);

        assertThat(status).isEqualTo(new DeviceStatusResponse(3, "34020000001320000001", ManscdpResult.OK,
                "ONLINE", "OK", null, "ON", "OFF", at(12, 0, 0), List.of()));
        assertThat(status.isOnline()).isTrue();
    }

    @Test
    void dahuaNvrDeviceStatusWithAlarmInputs() {
        DeviceStatusResponse status = (DeviceStatusResponse) decode("""
                <?xml version="1.0" encoding="GB2312" standalone="yes" ?>
                <Response>
                    <CmdType>DeviceStatus</CmdType>
                    <SN>44</SN>
                    <DeviceID>34020000001180000001</DeviceID>
                    <Result>OK</Result>
                    <Online>ONLINE</Online>
                    <Status>OK</Status>
                    <Encode>ON</Encode>
                    <Record>ON</Record>
                    <DeviceTime>2024-03-01 12:00:00</DeviceTime>
                    <AlarmStatus Num="2">
                        <Item><DeviceID>34020000001340000001</DeviceID><DutyStatus>OFFDUTY</DutyStatus></Item>
                        <Item><DeviceID>34020000001340000002</DeviceID><DutyStatus>ALARM</DutyStatus></Item>
                    </AlarmStatus>
                </Response>
                """);

        assertThat(status.alarmStatus()).containsExactly(
                new AlarmStatusItem("34020000001340000001", "OFFDUTY"),
                new AlarmStatusItem("34020000001340000002", "ALARM"));
        assertThat(status.record()).isEqualTo("ON");
    }

    @Test
    void hikvisionPresetList() {
        PresetQueryResponse presets = (PresetQueryResponse) decode("""
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <CmdType>PresetQuery</CmdType>
                <SN>9</SN>
                <DeviceID>34020000001320000001</DeviceID>
                <PresetList Num="3">
                <Item>
                <PresetID>1</PresetID>
                <PresetName>预置点 1</PresetName>
                </Item>
                <Item>
                <PresetID>2</PresetID>
                <PresetName>大门</PresetName>
                </Item>
                <Item>
                <PresetID>33</PresetID>
                <PresetName></PresetName>
                </Item>
                </PresetList>
                </Response>
                """);

        assertThat(presets.presets()).containsExactly(new PresetItem(1, "预置点 1"), new PresetItem(2, "大门"),
                new PresetItem(33, null));
    }

    @Test
    void catalogNotifyWithStatusAndDeleteEvents() {
        CatalogNotify notify = (CatalogNotify) decode("""
                <?xml version="1.0" encoding="GB2312"?>
                <Notify>
                <CmdType>Catalog</CmdType>
                <SN>202</SN>
                <DeviceID>34020000001180000001</DeviceID>
                <SumNum>2</SumNum>
                <DeviceList Num="2">
                <Item>
                <DeviceID>34020000001310000001</DeviceID>
                <Event>OFF</Event>
                </Item>
                <Item>
                <DeviceID>34020000001310000002</DeviceID>
                <Name>后门</Name>
                <Status>ON</Status>
                <Event>vlost</Event>
                </Item>
                </DeviceList>
                </Notify>
                """);

        assertThat(notify.sumNum()).isEqualTo(2);
        assertThat(notify.changes()).extracting(CatalogChange::event).containsExactly(CatalogEvent.OFF,
                CatalogEvent.VLOST);
        assertThat(notify.changes().get(1).item().name()).isEqualTo("后门");
    }

    @Test
    void platformControlsAsWvpAndVendorPlatformsSendThem() {
        assertThat(control("<PTZCmd>A50F0100000000B5</PTZCmd><Info><ControlPriority>5</ControlPriority></Info>"))
                .containsExactly(new Ptz(PtzCmd.of(PtzMove.stop())));
        assertThat(control("<TeleBoot>Boot</TeleBoot>")).containsExactly(new TeleBoot());
        assertThat(control("<RecordCmd>StopRecord</RecordCmd>")).containsExactly(new Recording(false));
        assertThat(control("<GuardCmd>SetGuard</GuardCmd>")).containsExactly(new Guard(true));
        assertThat(control("<AlarmCmd>ResetAlarm</AlarmCmd><Info><AlarmMethod>2</AlarmMethod>"
                + "<AlarmType>1</AlarmType></Info>")).containsExactly(new ResetAlarm("2", "1"));
        assertThat(control("<HomePosition><Enabled>1</Enabled><ResetTime>60</ResetTime>"
                + "<PresetIndex>3</PresetIndex></HomePosition>")).containsExactly(new HomePosition(true, 60, 3));
        assertThat(control("<DragZoomIn><Length>1080</Length></DragZoomIn><VendorLight>On</VendorLight>"))
                .containsExactly(new Unmodelled("VendorLight", "On"));
    }

    @Test
    void platformQueriesAndSubscriptions() {
        assertThat(decode("<Query><CmdType>RecordInfo</CmdType><SN>1</SN><DeviceID>" + CHANNEL + "</DeviceID>"
                + "<StartTime>2024-03-01T00:00:00</StartTime><EndTime>2024-03-01T23:59:59</EndTime>"
                + "<Secrecy>0</Secrecy><Type>all</Type></Query>"))
                .isEqualTo(RecordInfoQuery.all(1, CHANNEL, at(0, 0, 0), at(23, 59, 59)));
        assertThat(decode("<Query><CmdType>Alarm</CmdType><SN>2</SN><DeviceID>" + CHANNEL + "</DeviceID>"
                + "<StartAlarmPriority>1</StartAlarmPriority><EndAlarmPriority>4</EndAlarmPriority>"
                + "<AlarmMethod>0</AlarmMethod><StartTime>2024-03-01T00:00:00</StartTime>"
                + "<EndTime>2024-03-01T01:00:00</EndTime></Query>"))
                .isEqualTo(new AlarmQuery(2, CHANNEL, 1, 4, "0", null, at(0, 0, 0), at(1, 0, 0)));
        assertThat(decode("<Query><CmdType>MobilePosition</CmdType><SN>3</SN><DeviceID>" + CHANNEL
                + "</DeviceID><Interval>5</Interval></Query>")).isEqualTo(new MobilePositionQuery(3, CHANNEL, 5));
        assertThat(decode("<Query><CmdType>ConfigDownload</CmdType><SN>4</SN><DeviceID>" + CHANNEL
                + "</DeviceID><ConfigType>BasicParam</ConfigType></Query>"))
                .isEqualTo(ConfigDownloadQuery.basicParam(4, CHANNEL));
        assertThat(decode("<Notify><CmdType>MediaStatus</CmdType><SN>5</SN><DeviceID>" + CHANNEL
                + "</DeviceID><NotifyType>121</NotifyType></Notify>"))
                .isInstanceOfSatisfying(MediaStatusNotify.class, n -> assertThat(n.isFileEnd()).isTrue());
    }

    @Test
    void configDownloadAnswerWithExtraBasicParamFields() {
        ConfigDownloadResponse response = (ConfigDownloadResponse) decode("""
                <Response><CmdType>ConfigDownload</CmdType><SN>6</SN><DeviceID>34020000001320000001</DeviceID>
                <Result>OK</Result>
                <BasicParam><Name>IPC</Name><DeviceID>34020000001320000001</DeviceID>
                <SIPServerID>34020000002000000001</SIPServerID><SIPServerIP>192.168.1.10</SIPServerIP>
                <SIPServerPort>5060</SIPServerPort><DomainName>3402000000</DomainName>
                <Expiration>3600</Expiration><Password>12345678</Password>
                <HeartBeatInterval>60</HeartBeatInterval><HeartBeatCount>3</HeartBeatCount></BasicParam>
                </Response>
                """);

        assertThat(response.basicParam()).isEqualTo(new BasicParam("IPC", 3600, 60, 3));
    }

    private static List<DeviceControlCommand> control(String commands) {
        DeviceControl control = (DeviceControl) decode("<?xml version=\"1.0\" encoding=\"GB2312\"?><Control>"
                + "<CmdType>DeviceControl</CmdType><SN>11</SN><DeviceID>" + CHANNEL + "</DeviceID>" + commands
                + "</Control>");
        return control.commands();
    }

    private static LocalDateTime at(int hour, int minute, int second) {
        return LocalDateTime.of(2024, 3, 1, hour, minute, second);
    }
}
