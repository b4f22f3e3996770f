package io.gbgate.sip.manscdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding of realistic device bodies and clear errors for broken ones. */
class ManscdpDecodeTest {

    static final Charset GB2312 = Charset.forName("GB2312");

    static byte[] gb2312(String xml) {
        return xml.getBytes(GB2312);
    }

    @Test
    void hikvisionKeepalive() {
        String body = """
                <?xml version="1.0" encoding="GB2312"?>
                <Notify>
                <CmdType>Keepalive</CmdType>
                <SN>25</SN>
                <DeviceID>34020000001320000001</DeviceID>
                <Status>OK</Status>
                <Info>
                </Info>
                </Notify>
                """;

        assertThat(ManscdpCodec.decode(gb2312(body), null))
                .isEqualTo(new KeepaliveNotify(25, "34020000001320000001", "OK"));
    }

    @Test
    void dahuaDeviceInfoWithStandaloneDeclaration() {
        String body = """
                <?xml version="1.0" encoding="GB2312" standalone="yes" ?>
                <Response>
                    <CmdType>DeviceInfo</CmdType>
                    <SN>17430</SN>
                    <DeviceID>34020000001320000001</DeviceID>
                    <Result>OK</Result>
                    <DeviceName>IPC</DeviceName>
                    <Manufacturer>Dahua</Manufacturer>
                    <Model>DH-IPC-HFW1230M-I1</Model>
                    <Firmware>2.622.0000000.18.R</Firmware>
                    <Channel>1</Channel>
                </Response>
                """;

        assertThat(ManscdpCodec.decode(gb2312(body), null)).isEqualTo(new DeviceInfoResponse(17430,
                "34020000001320000001", "IPC", "Dahua", "DH-IPC-HFW1230M-I1", "2.622.0000000.18.R", 1,
                ManscdpResult.OK));
    }

    @Test
    void hikvisionNvrCatalogPageWithExtraElements() {
        String body = """
                <?xml version="1.0" encoding="GB2312"?>
                <Response>
                <CmdType>Catalog</CmdType>
                <SN>3</SN>
                <DeviceID>34020000001180000001</DeviceID>
                <SumNum>8</SumNum>
                <DeviceList Num="2">
                <Item>
                <DeviceID>34020000001310000001</DeviceID>
                <Name>大厅</Name>
                <Manufacturer>Hikvision</Manufacturer>
                <Model>IP Camera</Model>
                <Owner>Owner</Owner>
                <CivilCode>3402000000</CivilCode>
                <Address>Address</Address>
                <Parental>0</Parental>
                <ParentID>34020000001180000001</ParentID>
                <SafetyWay>0</SafetyWay>
                <RegisterWay>1</RegisterWay>
                <Secrecy>0</Secrecy>
                <Status>ON</Status>
                <Longitude>117.283</Longitude>
                <Latitude>31.861</Latitude>
                <Info><PTZType>1</PTZType></Info>
                </Item>
                <Item>
                <DeviceID>34020000001310000002</DeviceID>
                <Name>后门</Name>
                <Status>OFF</Status>
                </Item>
                </DeviceList>
                </Response>
                """;

        CatalogResponse catalog = (CatalogResponse) ManscdpCodec.decode(gb2312(body), null);

        assertThat(catalog.sumNum()).isEqualTo(8);
        assertThat(catalog.deviceId()).isEqualTo("34020000001180000001");
        assertThat(catalog.items()).containsExactly(
                new CatalogItem("34020000001310000001", "大厅", "Hikvision", "IP Camera", "Owner", "3402000000",
                        "Address", 0, "34020000001180000001", 1, 0, "ON", 117.283, 31.861, 1),
                new CatalogItem("34020000001310000002", "后门", null, null, null, null, null, null, null, null,
                        null, "OFF", null, null, null));
        assertThat(catalog.items().get(0).isOnline()).isTrue();
        assertThat(catalog.items().get(1).isOnline()).isFalse();
    }

    @Test
    void unknownCmdTypeIsNotAnError() {
        String body = "<Notify><CmdType>Broadcast</CmdType><SN>4</SN><DeviceID>34020000001340000001</DeviceID>"
                + "<SourceID>34020000002000000001</SourceID></Notify>";

        assertThat(ManscdpCodec.decode(body.getBytes(StandardCharsets.US_ASCII), null))
                .isEqualTo(new UnknownManscdp(ManscdpKind.NOTIFY, "Broadcast", 4, "34020000001340000001"));
    }

    @Test
    void knownCmdTypeUnderAnotherKindIsUnknown() {
        String body = "<Notify><CmdType>DeviceInfo</CmdType><SN>5</SN><DeviceID>34020000001320000001</DeviceID>"
                + "<Channel>0</Channel></Notify>";

        assertThat(ManscdpCodec.decode(body.getBytes(StandardCharsets.US_ASCII), null))
                .isEqualTo(new UnknownManscdp(ManscdpKind.NOTIFY, "DeviceInfo", 5, "34020000001320000001"));
    }

    @Test
    void missingSnIsRejectedByName() {
        assertRejected("<Query><CmdType>Catalog</CmdType><DeviceID>34020000001320000001</DeviceID></Query>",
                "<SN>");
    }

    @Test
    void missingCmdTypeIsRejectedByName() {
        assertRejected("<Query><SN>1</SN><DeviceID>34020000001320000001</DeviceID></Query>", "<CmdType>");
    }

    @Test
    void missingDeviceIdIsRejectedByName() {
        assertRejected("<Query><CmdType>Catalog</CmdType><SN>1</SN></Query>", "<DeviceID>");
    }

    @Test
    void nonNumericSnIsRejected() {
        assertRejected("<Query><CmdType>Catalog</CmdType><SN>12a</SN><DeviceID>3402</DeviceID></Query>",
                "<Query><SN> is not a non-negative integer: '12a'");
    }

    @Test
    void negativeSnIsRejected() {
        assertRejected("<Query><CmdType>Catalog</CmdType><SN>-1</SN><DeviceID>3402</DeviceID></Query>",
                "not a non-negative integer");
    }

    @Test
    void badSumNumIsRejected() {
        assertRejected("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>3402</DeviceID>"
                + "<SumNum>many</SumNum></Response>", "<SumNum>");
    }

    @Test
    void badLongitudeNamesTheItem() {
        assertRejected("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>3402</DeviceID><SumNum>1</SumNum>"
                + "<DeviceList Num=\"1\"><Item><DeviceID>34020000001320000009</DeviceID>"
                + "<Longitude>east</Longitude></Item></DeviceList></Response>",
                "catalog item 34020000001320000009: <Item><Longitude> is not a number: 'east'");
    }

    @Test
    void badResultIsRejected() {
        assertRejected("<Response><CmdType>DeviceControl</CmdType><SN>1</SN><DeviceID>3402</DeviceID>"
                + "<Result>MAYBE</Result></Response>", "Result must be OK or ERROR");
    }

    @Test
    void unclosedElementIsMalformed() {
        assertRejected("<?xml version=\"1.0\"?><Query><CmdType>Catalog</CmdType><SN>1</SN>", "MANSCDP");
    }

    @Test
    void mismatchedTagIsMalformed() {
        assertRejected("<Query><CmdType>Catalog</SN></Query>", "malformed MANSCDP XML");
    }

    @Test
    void wrongRootIsRejected() {
        assertRejected("<Request><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID></Request>",
                "root element <Request> is not Query, Response, Notify or Control");
    }

    @Test
    void emptyAndNonXmlBodiesAreRejected() {
        assertThatThrownBy(() -> ManscdpCodec.decode(new byte[0], null))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("empty");
        assertRejected("hello", "MANSCDP");
    }

    @Test
    void oversizedBodyIsRejectedBeforeParsing() {
        byte[] body = new byte[ManscdpCodec.MAX_BODY_BYTES + 1];

        assertThatThrownBy(() -> ManscdpCodec.decode(body, null))
                .isInstanceOf(ManscdpException.class).hasMessageContaining("exceeds");
    }

    static void assertRejected(String xml, String messagePart) {
        assertThatThrownBy(() -> ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(ManscdpException.class)
                .hasMessageContaining(messagePart);
    }
}
