package io.gbgate.sip.manscdp;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Notify(Catalog): {@code SumNum} and {@code DeviceList Num="n"} of {@code Item}s, each a catalog item plus
 * {@code Event}. A missing SumNum counts the items present.
 */
final class CatalogNotifyXml implements ManscdpMapper<CatalogNotify> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return CatalogNotify.CMD_TYPE;
    }

    @Override
    public Class<CatalogNotify> messageType() {
        return CatalogNotify.class;
    }

    @Override
    public CatalogNotify read(ManscdpHeader header, XmlElement root) {
        List<CatalogChange> changes = new ArrayList<>();
        XmlElement deviceList = root.child("DeviceList");
        if (deviceList != null) {
            for (XmlElement item : deviceList.children("Item")) {
                CatalogItem catalogItem = CatalogItemXml.read(item);
                String event = ManscdpFields.text(item, "Event");
                if (event == null) {
                    throw new ManscdpException("catalog notify item " + catalogItem.deviceId() + " lacks <Event>");
                }
                changes.add(new CatalogChange(CatalogEvent.parse(event), catalogItem));
            }
        }
        Integer sumNum = ManscdpFields.optionalInt(root, "SumNum");
        return new CatalogNotify(header.sn(), header.deviceId(), sumNum == null ? changes.size() : sumNum, changes);
    }

    @Override
    public void writeBody(CatalogNotify message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("SumNum", message.sumNum());
        out.start("DeviceList");
        out.attribute("Num", Integer.toString(message.changes().size()));
        for (CatalogChange change : message.changes()) {
            CatalogItemXml.write(change.item(), out, change.event().name());
        }
        out.end();
    }
}
