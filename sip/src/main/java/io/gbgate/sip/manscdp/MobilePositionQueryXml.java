package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Query(MobilePosition): {@code Interval}. */
final class MobilePositionQueryXml implements ManscdpMapper<MobilePositionQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return MobilePositionQuery.CMD_TYPE;
    }

    @Override
    public Class<MobilePositionQuery> messageType() {
        return MobilePositionQuery.class;
    }

    @Override
    public MobilePositionQuery read(ManscdpHeader header, XmlElement root) {
        return new MobilePositionQuery(header.sn(), header.deviceId(), ManscdpFields.optionalInt(root, "Interval"));
    }

    @Override
    public void writeBody(MobilePositionQuery message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Interval", message.interval());
    }
}
