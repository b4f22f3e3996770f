package io.gbgate.sip.manscdp;

/** Query(PresetQuery): nothing after DeviceID. */
final class PresetQueryXml implements ManscdpMapper<PresetQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return PresetQuery.CMD_TYPE;
    }

    @Override
    public Class<PresetQuery> messageType() {
        return PresetQuery.class;
    }

    @Override
    public PresetQuery read(ManscdpHeader header, XmlElement root) {
        return new PresetQuery(header.sn(), header.deviceId());
    }

    @Override
    public void writeBody(PresetQuery message, ManscdpXmlWriter out) {
        // the query is only the common header
    }
}
