package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** One catalog {@code Item}, elements in the standard's order. */
final class CatalogItemXml {

    private CatalogItemXml() {
    }

    static CatalogItem read(XmlElement item) {
        XmlElement info = item.child("Info");
        try {
            return new CatalogItem(
                    ManscdpFields.requiredText(item, "DeviceID"),
                    ManscdpFields.text(item, "Name"),
                    ManscdpFields.text(item, "Manufacturer"),
                    ManscdpFields.text(item, "Model"),
                    ManscdpFields.text(item, "Owner"),
                    ManscdpFields.text(item, "CivilCode"),
                    ManscdpFields.text(item, "Address"),
                    ManscdpFields.optionalInt(item, "Parental"),
                    ManscdpFields.text(item, "ParentID"),
                    ManscdpFields.optionalInt(item, "RegisterWay"),
                    ManscdpFields.optionalInt(item, "Secrecy"),
                    ManscdpFields.text(item, "Status"),
                    ManscdpFields.optionalDouble(item, "Longitude"),
                    ManscdpFields.optionalDouble(item, "Latitude"),
                    info == null ? null : ManscdpFields.optionalInt(info, "PTZType"));
        } catch (ManscdpException e) {
            String id = ManscdpFields.text(item, "DeviceID");
            throw new ManscdpException("catalog item " + (id == null ? "without DeviceID" : id) + ": "
                    + e.getMessage(), e);
        }
    }

    static void write(CatalogItem item, ManscdpXmlWriter out) throws XMLStreamException {
        write(item, out, null);
    }

    /** Writes the item with {@code <Event>} after DeviceID (catalog notifies), left out when null. */
    static void write(CatalogItem item, ManscdpXmlWriter out, String event) throws XMLStreamException {
        out.start("Item");
        out.element("DeviceID", item.deviceId());
        out.element("Event", event);
        out.element("Name", item.name());
        out.element("Manufacturer", item.manufacturer());
        out.element("Model", item.model());
        out.element("Owner", item.owner());
        out.element("CivilCode", item.civilCode());
        out.element("Address", item.address());
        out.element("Parental", item.parental());
        out.element("ParentID", item.parentId());
        out.element("RegisterWay", item.registerWay());
        out.element("Secrecy", item.secrecy());
        out.element("Status", item.status());
        out.element("Longitude", item.longitude());
        out.element("Latitude", item.latitude());
        if (item.ptzType() != null) {
            out.start("Info");
            out.element("PTZType", item.ptzType());
            out.end();
        }
        out.end();
    }
}
