package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** One {@code RecordList/Item}, elements in the standard's order. */
final class RecordItemXml {

    private RecordItemXml() {
    }

    static RecordItem read(XmlElement item) {
        try {
            String type = ManscdpFields.text(item, "Type");
            return new RecordItem(
                    ManscdpFields.requiredText(item, "DeviceID"),
                    ManscdpFields.text(item, "Name"),
                    ManscdpFields.text(item, "FilePath"),
                    ManscdpFields.text(item, "Address"),
                    ManscdpFields.requiredTime(item, "StartTime"),
                    ManscdpFields.requiredTime(item, "EndTime"),
                    ManscdpFields.optionalInt(item, "Secrecy"),
                    type == null ? null : RecordType.parse(type),
                    ManscdpFields.text(item, "RecorderID"),
                    ManscdpFields.optionalLong(item, "FileSize"));
        } catch (ManscdpException | IllegalArgumentException e) {
            String start = ManscdpFields.text(item, "StartTime");
            throw new ManscdpException("record item" + (start == null ? "" : " starting " + start) + ": "
                    + e.getMessage(), e);
        }
    }

    static void write(RecordItem item, ManscdpXmlWriter out) throws XMLStreamException {
        out.start("Item");
        out.element("DeviceID", item.deviceId());
        out.element("Name", item.name());
        out.element("FilePath", item.filePath());
        out.element("Address", item.address());
        out.element("StartTime", item.startTime());
        out.element("EndTime", item.endTime());
        out.element("Secrecy", item.secrecy());
        out.element("Type", item.type());
        out.element("RecorderID", item.recorderId());
        out.element("FileSize", item.fileSize());
        out.end();
    }
}
