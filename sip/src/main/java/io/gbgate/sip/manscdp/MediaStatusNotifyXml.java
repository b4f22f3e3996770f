package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Notify(MediaStatus): {@code NotifyType}. */
final class MediaStatusNotifyXml implements ManscdpMapper<MediaStatusNotify> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.NOTIFY;
    }

    @Override
    public String cmdType() {
        return MediaStatusNotify.CMD_TYPE;
    }

    @Override
    public Class<MediaStatusNotify> messageType() {
        return MediaStatusNotify.class;
    }

    @Override
    public MediaStatusNotify read(ManscdpHeader header, XmlElement root) {
        return new MediaStatusNotify(header.sn(), header.deviceId(), ManscdpFields.requiredInt(root, "NotifyType"));
    }

    @Override
    public void writeBody(MediaStatusNotify message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("NotifyType", message.notifyType());
    }
}
