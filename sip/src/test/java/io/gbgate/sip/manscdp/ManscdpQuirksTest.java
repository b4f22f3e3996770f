package io.gbgate.sip.manscdp;

import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzMove;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** One test per tolerated device quirk listed in {@link ManscdpQuirks}. */
class ManscdpQuirksTest {

    static final String DEVICE = "34020000001320000001";

    static ManscdpMessage decode(String xml) {
        return ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8), "UTF-8");
    }

    @Test
    void elementNamesAndCmdTypeIgnoreCase() {
        ManscdpMessage message = decode("<notify><cmdtype>keepalive</cmdtype><Sn>3</Sn>"
                + "<DeviceId>" + DEVICE + "</DeviceId><STATUS>OK</STATUS></notify>");

        assertThat(message).isEqualTo(new KeepaliveNotify(3, DEVICE, "OK"));
    }

    @Test
    void gb2312AndGbkAreWidenedToGb18030() {
        assertThat(ManscdpQuirks.widenChineseCharset(Charset.forName("GB2312")).name()).isEqualTo("GB18030");
        assertThat(ManscdpQuirks.widenChineseCharset(Charset.forName("GBK")).name()).isEqualTo("GB18030");
        assertThat(ManscdpQuirks.widenChineseCharset(StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void whitespaceAndNulBeforeTheDeclarationAreSkipped() {
        ManscdpMessage message = decode("\r\n \u0000<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<Query>"
                + "<CmdType>Catalog</CmdType><SN>1</SN><DeviceID>" + DEVICE + "</DeviceID></Query>");

        assertThat(message).isEqualTo(new CatalogQuery(1, DEVICE));
    }

    @Test
    void garbageAfterTheRootIsIgnored() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("<Query><CmdType>DeviceInfo</CmdType><SN>2</SN><DeviceID>" + DEVICE
                + "</DeviceID></Query>\r\n<junk").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {0, 0, (byte) 0xFF});

        assertThat(ManscdpCodec.decode(body.toByteArray(), null)).isEqualTo(new DeviceInfoQuery(2, DEVICE));
    }

    @Test
    void iFrameCommandUnderBothSpellings() {
        String standard = "<Control><CmdType>DeviceControl</CmdType><SN>4</SN><DeviceID>" + DEVICE
                + "</DeviceID><IFameCmd>Send</IFameCmd></Control>";
        String corrected = standard.replace("IFameCmd", "IFrameCmd");

        assertThat(decode(standard)).isEqualTo(DeviceControl.requestIFrame(4, DEVICE));
        assertThat(decode(corrected)).isEqualTo(DeviceControl.requestIFrame(4, DEVICE));
    }

    @Test
    void ptzCommandInLowerCaseWithControlPriorityInfoIsRead() {
        ManscdpMessage message = decode("<Control><CmdType>DeviceControl</CmdType><SN>5</SN><DeviceID>" + DEVICE
                + "</DeviceID><PTZCmd>a50f01021f0000d6</PTZCmd><Info><ControlPriority>5</ControlPriority></Info>"
                + "</Control>");

        assertThat(message).isEqualTo(DeviceControl.ptz(5, DEVICE, PtzCmd.of(PtzMove.left(0x1F))));
    }

    @Test
    void catalogNumAttributeMismatchIsTolerated() {
        CatalogResponse catalog = (CatalogResponse) decode("<Response><CmdType>Catalog</CmdType><SN>6</SN>"
                + "<DeviceID>" + DEVICE + "</DeviceID><SumNum>2</SumNum><DeviceList Num=\"5\">"
                + "<Item><DeviceID>34020000001320000011</DeviceID></Item>"
                + "<Item><DeviceID>34020000001320000012</DeviceID></Item></DeviceList></Response>");

        assertThat(catalog.items()).extracting(CatalogItem::deviceId)
                .containsExactly("34020000001320000011", "34020000001320000012");
    }

    @Test
    void emptyOptionalElementsReadAsAbsent() {
        CatalogResponse catalog = (CatalogResponse) decode("<Response><CmdType>Catalog</CmdType><SN>7</SN>"
                + "<DeviceID>" + DEVICE + "</DeviceID><SumNum>1</SumNum><DeviceList Num=\"1\"><Item>"
                + "<DeviceID>34020000001320000011</DeviceID><Name></Name><Longitude> </Longitude><Latitude/>"
                + "<Parental></Parental></Item></DeviceList></Response>");

        CatalogItem item = catalog.items().get(0);
        assertThat(item.name()).isNull();
        assertThat(item.longitude()).isNull();
        assertThat(item.latitude()).isNull();
        assertThat(item.parental()).isNull();
    }

    @Test
    void unknownCharsetNameFallsBackToGb18030() {
        String xml = "<?xml version=\"1.0\" encoding=\"gb-2312-typo\"?><Query><CmdType>Catalog</CmdType><SN>8</SN>"
                + "<DeviceID>" + DEVICE + "</DeviceID></Query>";

        assertThat(ManscdpCharsets.choose(xml.getBytes(StandardCharsets.US_ASCII), "no-such-charset").name())
                .isEqualTo("GB18030");
        assertThat(ManscdpCodec.decode(xml.getBytes(StandardCharsets.US_ASCII), null))
                .isEqualTo(new CatalogQuery(8, DEVICE));
    }

    @Test
    void truncatedDoubleByteCharacterDoesNotSwallowTheNextTag() {
        byte[] truncatedName = {(byte) 0xB4}; // first byte of 大 (GB2312 B4F3), second byte cut off
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("<Notify><CmdType>Keepalive</CmdType><SN>9</SN><DeviceID>" + DEVICE
                + "</DeviceID><Status>").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(truncatedName);
        body.writeBytes("</Status></Notify>".getBytes(StandardCharsets.US_ASCII));

        assertThat(ManscdpCodec.decode(body.toByteArray(), "GB2312"))
                .isEqualTo(new KeepaliveNotify(9, DEVICE, "\uFFFD"));
    }

    @Test
    void utf8BodyUnderGb2312DeclarationIsReadAsUtf8() {
        String xml = "<?xml version=\"1.0\" encoding=\"GB2312\"?><Notify><CmdType>Keepalive</CmdType><SN>10</SN>"
                + "<DeviceID>" + DEVICE + "</DeviceID><Status>正常</Status></Notify>";

        assertThat(ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8), null))
                .isEqualTo(new KeepaliveNotify(10, DEVICE, "正常"));
        assertThat(ManscdpQuirks.isUtf8WithNonAscii("王堃 大门 正常".getBytes(Charset.forName("GBK")))).isFalse();
        assertThat(ManscdpQuirks.isUtf8WithNonAscii("ascii only".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void explicitNonGbLabelIsNotSecondGuessed() {
        byte[] utf8 = "<Notify/>正常".getBytes(StandardCharsets.UTF_8);

        assertThat(ManscdpCharsets.choose(utf8, "ISO-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
    }
}
