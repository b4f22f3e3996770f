package io.gbgate.sip.manscdp;

import javax.xml.stream.XMLStreamException;

/** Response(Alarm): {@code Result}. */
final class AlarmResponseXml implements ManscdpMapper<AlarmResponse> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.RESPONSE;
    }

    @Override
    public String cmdType() {
        return AlarmResponse.CMD_TYPE;
    }

    @Override
    public Class<AlarmResponse> messageType() {
        return AlarmResponse.class;
    }

    @Override
    public AlarmResponse read(ManscdpHeader header, XmlElement root) {
        return new AlarmResponse(header.sn(), header.deviceId(),
                ManscdpResult.parse(ManscdpFields.requiredText(root, "Result")));
    }

    @Override
    public void writeBody(AlarmResponse message, ManscdpXmlWriter out) throws XMLStreamException {
        out.element("Result", message.result());
    }
}
