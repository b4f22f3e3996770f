package io.gbgate.sip.manscdp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile bodies: nothing external is resolved, nothing expands, all are rejected with a clear error. */
@Timeout(10)
class ManscdpSecurityTest {

    static void assertRejected(String xml, String messagePart) {
        assertThatThrownBy(() -> ManscdpCodec.decode(xml.getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(ManscdpException.class)
                .hasMessageContaining(messagePart)
                .hasMessageNotContaining("root:");
    }

    @Test
    void xxeFileEntityIsRejected() {
        assertRejected("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Query [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>&xxe;</DeviceID></Query>
                """, "DOCTYPE is not allowed");
    }

    @Test
    void externalDtdIsRejected() {
        assertRejected("""
                <?xml version="1.0"?>
                <!DOCTYPE Query SYSTEM "http://127.0.0.1:9/evil.dtd">
                <Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>1</DeviceID></Query>
                """, "DOCTYPE is not allowed");
    }

    @Test
    void billionLaughsIsRejected() {
        assertRejected("""
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                 <!ENTITY lol "lol">
                 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
                 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
                 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
                 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
                 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
                 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
                ]>
                <Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>&lol9;</DeviceID></Query>
                """, "DOCTYPE is not allowed");
    }

    @Test
    void lowerCaseDoctypeIsRejectedToo() {
        assertRejected("<!doctype Query><Query/>", "DOCTYPE is not allowed");
    }

    @Test
    void undeclaredEntityIsMalformed() {
        assertRejected("<Query><CmdType>Catalog</CmdType><SN>1</SN><DeviceID>&xxe;</DeviceID></Query>",
                "malformed MANSCDP XML");
    }

    @Test
    void deepNestingIsRejected() {
        String open = "<a>".repeat(ManscdpXmlReader.MAX_DEPTH + 1);
        String close = "</a>".repeat(ManscdpXmlReader.MAX_DEPTH + 1);

        assertRejected("<Query>" + open + close + "</Query>", "nested deeper than");
    }

    @Test
    void tooManyElementsAreRejected() {
        String items = "<Item/>".repeat(ManscdpXmlReader.MAX_ELEMENTS + 1);

        assertRejected("<Response><DeviceList>" + items + "</DeviceList></Response>", "more than");
    }
}
