package io.gbgate.sip.manscdp;

import static io.gbgate.sip.manscdp.ManscdpDecodeTest.assertRejected;

import org.junit.jupiter.api.Test;

/** Broken vocabulary bodies fail with a ManscdpException that says what is wrong. */
class ManscdpVocabularyRejectTest {

    static String body(String root, String cmdType, String rest) {
        return "<" + root + "><CmdType>" + cmdType + "</CmdType><SN>1</SN><DeviceID>34020000001310000001</DeviceID>"
                + rest + "</" + root + ">";
    }

    @Test
    void ptzCommandWithBadChecksum() {
        assertRejected(body("Control", "DeviceControl", "<PTZCmd>A50F0100000000B6</PTZCmd>"),
                "<PTZCmd>: PTZCmd checksum is 0xB6, bytes 1-7 sum to 0xB5");
    }

    @Test
    void ptzCommandOfWrongLength() {
        assertRejected(body("Control", "DeviceControl", "<PTZCmd>A50F01</PTZCmd>"), "must be 16 hex digits");
    }

    @Test
    void unknownCommandValues() {
        assertRejected(body("Control", "DeviceControl", "<RecordCmd>Pause</RecordCmd>"),
                "<RecordCmd> must be Record or StopRecord, got 'Pause'");
        assertRejected(body("Control", "DeviceControl", "<GuardCmd>On</GuardCmd>"), "SetGuard or ResetGuard");
        assertRejected(body("Control", "DeviceControl", "<TeleBoot>Now</TeleBoot>"), "<TeleBoot> must be Boot");
        assertRejected(body("Control", "DeviceControl", "<AlarmCmd>Clear</AlarmCmd>"), "must be ResetAlarm");
        assertRejected(body("Control", "DeviceControl", "<HomePosition><ResetTime>3</ResetTime></HomePosition>"),
                "<HomePosition> lacks required element <Enabled>");
    }

    @Test
    void repeatedCommandElement() {
        assertRejected(body("Control", "DeviceControl", "<TeleBoot>Boot</TeleBoot><TeleBoot>Boot</TeleBoot>"),
                "carries <TeleBoot> twice");
    }

    @Test
    void recordQueryWithoutOrWithBadTimes() {
        assertRejected(body("Query", "RecordInfo", "<EndTime>2024-03-01T00:00:00</EndTime>"),
                "lacks required element <StartTime>");
        assertRejected(body("Query", "RecordInfo", "<StartTime>yesterday</StartTime>"
                + "<EndTime>2024-03-01T00:00:00</EndTime>"), "<Query><StartTime> is not a time like");
        assertRejected(body("Query", "RecordInfo", "<StartTime>2024-03-02T00:00:00</StartTime>"
                + "<EndTime>2024-03-01T00:00:00</EndTime>"), "is before StartTime");
        assertRejected(body("Query", "RecordInfo", "<StartTime>2024-03-01T00:00:00</StartTime>"
                + "<EndTime>2024-03-01T01:00:00</EndTime><Type>motion</Type>"),
                "record Type must be all, time, alarm or manual, got 'motion'");
    }

    @Test
    void recordItemErrorsNameTheItem() {
        assertRejected(body("Response", "RecordInfo", "<SumNum>1</SumNum><RecordList Num=\"1\"><Item>"
                + "<DeviceID>34020000001310000001</DeviceID><StartTime>2024-03-01T00:00:00</StartTime>"
                + "<EndTime>2024-03-01T01:00:00</EndTime><FileSize>-5</FileSize></Item></RecordList>"),
                "record item starting 2024-03-01T00:00:00: <Item><FileSize> is not a non-negative integer");
        assertRejected(body("Response", "RecordInfo", "<SumNum>1</SumNum><RecordList Num=\"1\"><Item>"
                + "<DeviceID>34020000001310000001</DeviceID><StartTime>2024-03-01T00:00:00</StartTime>"
                + "</Item></RecordList>"), "lacks required element <EndTime>");
        assertRejected(body("Response", "RecordInfo", "<RecordList Num=\"0\"/>"),
                "lacks required element <SumNum>");
    }

    @Test
    void mobilePositionWithoutPositionOrTime() {
        assertRejected(body("Notify", "MobilePosition", "<Time>2024-03-01T00:00:00</Time><Latitude>1</Latitude>"),
                "lacks required element <Longitude>");
        assertRejected(body("Notify", "MobilePosition", "<Time>2024-03-01T00:00:00</Time>"
                + "<Longitude>east</Longitude><Latitude>1</Latitude>"), "<Longitude> is not a number");
        assertRejected(body("Notify", "MobilePosition", "<Longitude>1</Longitude><Latitude>1</Latitude>"),
                "lacks required element <Time>");
    }

    @Test
    void badNotifies() {
        assertRejected(body("Notify", "MediaStatus", "<NotifyType>end</NotifyType>"),
                "<NotifyType> is not a non-negative integer");
        assertRejected(body("Notify", "Alarm", "<AlarmTime>31/12/2024</AlarmTime>"), "is not a time like");
        assertRejected(body("Notify", "Catalog", "<SumNum>1</SumNum><DeviceList Num=\"1\"><Item>"
                + "<DeviceID>34020000001310000002</DeviceID><Event>GONE</Event></Item></DeviceList>"),
                "catalog Event must be ON, OFF, VLOST, DEFECT, ADD, DEL or UPDATE, got 'GONE'");
        assertRejected(body("Notify", "Catalog", "<SumNum>1</SumNum><DeviceList Num=\"1\"><Item>"
                + "<DeviceID>34020000001310000002</DeviceID></Item></DeviceList>"),
                "catalog notify item 34020000001310000002 lacks <Event>");
    }

    @Test
    void badResponsesAndConfig() {
        assertRejected(body("Response", "PresetQuery", "<PresetList Num=\"1\"><Item><PresetName>x</PresetName>"
                + "</Item></PresetList>"), "lacks required element <PresetID>");
        assertRejected(body("Response", "Alarm", ""), "lacks required element <Result>");
        assertRejected(body("Control", "DeviceConfig", "<SVACEncodeConfig/>"), "lacks <BasicParam>");
        assertRejected(body("Control", "DeviceConfig", "<BasicParam><Expiration>-1</Expiration></BasicParam>"),
                "<Expiration> is not a non-negative integer");
        assertRejected(body("Query", "ConfigDownload", ""), "lacks required element <ConfigType>");
        assertRejected(body("Query", "MobilePosition", "<Interval>0</Interval>"), "Interval must be positive");
        assertRejected(body("Response", "DeviceStatus", "<DeviceTime>noon</DeviceTime>"), "is not a time like");
    }
}
