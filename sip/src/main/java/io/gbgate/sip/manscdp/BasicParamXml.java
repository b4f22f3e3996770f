package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** The {@code BasicParam} block: Name, Expiration, HeartBeatInterval, HeartBeatCount. */
final class BasicParamXml {

    private BasicParamXml() {
    }

    /** The BasicParam child of {@code parent}, or null if absent. */
    static BasicParam read(XmlElement parent) {
        XmlElement block = parent.child(BasicParam.ELEMENT);
        if (block == null) {
            return null;
        }
        return new BasicParam(ManscdpFields.text(block, "Name"),
                ManscdpFields.optionalInt(block, "Expiration"),
                ManscdpFields.optionalInt(block, "HeartBeatInterval"),
                ManscdpFields.optionalInt(block, "HeartBeatCount"));
    }

    /** Writes {@code param} unless it is null. */
    static void write(BasicParam param, ManscdpXmlWriter out) throws XMLStreamException {
        if (param == null) {
            return;
        }
        out.start(BasicParam.ELEMENT);
        out.element("Name", param.name());
        out.element("Expiration", param.expiration());
        out.element("HeartBeatInterval", param.heartBeatInterval());
        out.element("HeartBeatCount", param.heartBeatCount());
        out.end();
    }
}
