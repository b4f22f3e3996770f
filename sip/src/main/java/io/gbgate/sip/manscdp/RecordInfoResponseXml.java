package io.gbgate.sip.manscdp;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** Response(RecordInfo): Name, {@code SumNum} and {@code RecordList Num="n"} of {@code Item}s. */
final class RecordInfoResponseXml implements ManscdpMapper<RecordInfoResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return RecordInfoResponse.CMD_TYPE;
    }

    @Override
    public Class<RecordInfoResponse> messageType() {
        return RecordInfoResponse.class;
    }

    @Override
    public RecordInfoResponse read(ManscdpHeader header, XmlElement root) {
        int sumNum = ManscdpFields.requiredInt(root, "SumNum");
        List<RecordItem> items = new ArrayList<>();
        XmlElement recordList = root.child("RecordList");
        if (recordList != null) {
            // like the catalog count quirk: the Num attribute is not checked against the items
            for (XmlElement item : recordList.children("Item")) {
                items.add(RecordItemXml.read(item));
            }
        }
        return new RecordInfoResponse(header.sn(), header.deviceId(), ManscdpFields.text(root, "Name"), sumNum,
                items);
    }

    @Override
    public void writeBody(RecordInfoResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Name", message.name());
        out.element("SumNum", message.sumNum());
        out.start("RecordList");
        out.attribute("Num", Integer.toString(message.items().size()));
        for (RecordItem item : message.items()) {
            RecordItemXml.write(item, out);
        }
        out.end();
    }
}
