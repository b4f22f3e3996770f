package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Notify(Keepalive): {@code Status}. */
final class KeepaliveXml implements ManscdpMapper<KeepaliveNotify> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return KeepaliveNotify.CMD_TYPE;
    }

    @Override
    public Class<KeepaliveNotify> messageType() {
        return KeepaliveNotify.class;
    }

    @Override
    public KeepaliveNotify read(ManscdpHeader header, XmlElement root) {
        return new KeepaliveNotify(header.sn(), header.deviceId(), ManscdpFields.text(root, "Status"));
    }

    @Override
    public void writeBody(KeepaliveNotify message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Status", message.status());
    }
}
