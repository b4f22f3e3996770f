package io.gbgate.sip.manscdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Charset selection: declaration, Content-Type, default; GBK under GB2312; broken bytes. */
class ManscdpCharsetTest {

    static final Charset GB2312 = Charset.forName("GB2312");
    static final Charset GBK = Charset.forName("GBK");
    static final String DEVICE = "34020000001320000001";

    static String catalog(String declaration, String... names) {
        StringBuilder xml = new StringBuilder(declaration)
                .append("<Response><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>").append(DEVICE)
                .append("</DeviceID><SumNum>").append(names.length).append("</SumNum><DeviceList Num=\"")
                .append(names.length).append("\">");
        for (int i = 0; i < names.length; i++) {
            xml.append("<Item><DeviceID>3402000000132000001").append(i).append("</DeviceID><Name>").append(names[i])
                    .append("</Name></Item>");
        }
        return xml.append("</DeviceList></Response>").toString();
    }

    static List<String> names(ManscdpMessage message) {
        return ((CatalogResponse) message).items().stream().map(CatalogItem::name).toList();
    }

    @Test
    void threeChineseNamesInGb2312RoundTrip() {
        CatalogResponse catalog = new CatalogResponse(1, DEVICE, 3, List.of(
                ManscdpRoundTripTest.item("34020000001320000010", "大门入口"),
                ManscdpRoundTripTest.item("34020000001320000011", "停车场"),
                ManscdpRoundTripTest.item("34020000001320000012", "仓库北侧")));

        byte[] body = ManscdpCodec.encode(catalog);

        assertThat(indexOf(body, "停车场".getBytes(GB2312))).isPositive();
        assertThat(ManscdpCodec.decode(body, null)).isEqualTo(catalog);
    }

    @Test
    void gbkOnlyCharactersUnderGb2312DeclarationAreDecoded() {
        // 堃 and 镕 are in GBK but not in GB2312: a strict GB2312 decoder would lose them
        String xml = catalog("<?xml version=\"1.0\" encoding=\"GB2312\"?>", "王堃", "朱镕", "正常");
        assertThat(GB2312.newEncoder().canEncode("堃")).isFalse();

        assertThat(names(ManscdpCodec.decode(xml.getBytes(GBK), null))).containsExactly("王堃", "朱镕", "正常");
    }

    @Test
    void utf8DeclarationWins() {
        String xml = catalog("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "摄像机一", "摄像机二");

        assertThat(names(ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8), "GB2312")))
                .containsExactly("摄像机一", "摄像机二");
    }

    @Test
    void contentTypeCharsetIsUsedWithoutDeclaration() {
        String xml = catalog("", "摄像机一", "摄像机二");

        assertThat(names(ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8), "UTF-8")))
                .containsExactly("摄像机一", "摄像机二");
        assertThat(names(ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8),
                "Application/MANSCDP+xml; charset=\"utf-8\""))).containsExactly("摄像机一", "摄像机二");
    }

    @Test
    void nothingDeclaredMeansGb18030() {
        String xml = catalog("", "王堃");

        assertThat(names(ManscdpCodec.decode(xml.getBytes(GBK), null))).containsExactly("王堃");
    }

    @Test
    void brokenBytesInOneNameLeaveTheOtherItemsIntact() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String[] parts = catalog("<?xml version=\"1.0\" encoding=\"GB2312\"?>", "大门", "BROKEN", "仓库")
                .split("BROKEN");
        body.writeBytes(parts[0].getBytes(GB2312));
        body.writeBytes(new byte[] {(byte) 0xB4, (byte) 0xF3, (byte) 0xFF, (byte) 0x81}); // 大, then garbage
        body.writeBytes(parts[1].getBytes(GB2312));

        CatalogResponse catalog = (CatalogResponse) ManscdpCodec.decode(body.toByteArray(), null);

        assertThat(catalog.items()).hasSize(3);
        assertThat(catalog.items().get(0).name()).isEqualTo("大门");
        assertThat(catalog.items().get(1).name()).startsWith("大").contains("\uFFFD");
        assertThat(catalog.items().get(2).name()).isEqualTo("仓库");
        assertThat(catalog.items().get(2).deviceId()).isEqualTo("34020000001320000012");
    }

    @Test
    void utf8ByteOrderMarkMeansUtf8() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.writeBytes(catalog("", "摄像机").getBytes(StandardCharsets.UTF_8));

        assertThat(names(ManscdpCodec.decode(body.toByteArray(), null))).containsExactly("摄像机");
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
