package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Query(RecordInfo): StartTime, EndTime, FilePath, Address, Secrecy, Type, RecorderID. */
final class RecordInfoQueryXml implements ManscdpMapper<RecordInfoQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return RecordInfoQuery.CMD_TYPE;
    }

    @Override
    public Class<RecordInfoQuery> messageType() {
        return RecordInfoQuery.class;
    }

    @Override
    public RecordInfoQuery read(ManscdpHeader header, XmlElement root) {
        String type = ManscdpFields.text(root, "Type");
        return new RecordInfoQuery(header.sn(), header.deviceId(),
                ManscdpFields.requiredTime(root, "StartTime"),
                ManscdpFields.requiredTime(root, "EndTime"),
                ManscdpFields.text(root, "FilePath"),
                ManscdpFields.text(root, "Address"),
                ManscdpFields.optionalInt(root, "Secrecy"),
                type == null ? null : RecordType.parse(type),
                ManscdpFields.text(root, "RecorderID"));
    }

    @Override
    public void writeBody(RecordInfoQuery message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("StartTime", message.startTime());
        out.element("EndTime", message.endTime());
        out.element("FilePath", message.filePath());
        out.element("Address", message.address());
        out.element("Secrecy", message.secrecy());
        out.element("Type", message.type());
        out.element("RecorderID", message.recorderId());
    }
}
