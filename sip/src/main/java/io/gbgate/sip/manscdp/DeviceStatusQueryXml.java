package io.gbgate.sip.manscdp;

/** Query(DeviceStatus): nothing after DeviceID. */
final class DeviceStatusQueryXml implements ManscdpMapper<DeviceStatusQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return DeviceStatusQuery.CMD_TYPE;
    }

    @Override
    public Class<DeviceStatusQuery> messageType() {
        return DeviceStatusQuery.class;
    }

    @Override
    public DeviceStatusQuery read(ManscdpHeader header, XmlElement root) {
        return new DeviceStatusQuery(header.sn(), header.deviceId());
    }

    @Override
    public void writeBody(DeviceStatusQuery message, ManscdpXmlWriter out) {
        // the query is only the common header
    }
}
