package io.gbgate.sip.manscdp;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/** Response(Catalog): {@code SumNum} and {@code DeviceList Num="n"} of {@code Item}s. */
final class CatalogResponseXml implements ManscdpMapper<CatalogResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return CatalogResponse.CMD_TYPE;
    }

    @Override
    public Class<CatalogResponse> messageType() {
        return CatalogResponse.class;
    }

    @Override
    public CatalogResponse read(ManscdpHeader header, XmlElement root) {
        int sumNum = ManscdpFields.requiredInt(root, "SumNum");
        List<CatalogItem> items = new ArrayList<>();
        XmlElement deviceList = root.child("DeviceList");
        if (deviceList != null) {
            // catalog count quirk: the Num attribute is not checked against the items
            for (XmlElement item : deviceList.children("Item")) {
                items.add(CatalogItemXml.read(item));
            }
        }
        return new CatalogResponse(header.sn(), header.deviceId(), sumNum, items);
    }

    @Override
    public void writeBody(CatalogResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("SumNum", message.sumNum());
        out.start("DeviceList");
        out.attribute("Num", Integer.toString(message.items().size()));
        for (CatalogItem item : message.items()) {
            CatalogItemXml.write(item, out);
        }
        out.end();
    }
}
