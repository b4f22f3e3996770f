package io.gbgate.sip.manscdp;

/** Query(DeviceInfo): nothing after DeviceID. */
final class DeviceInfoQueryXml implements ManscdpMapper<DeviceInfoQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return DeviceInfoQuery.CMD_TYPE;
    }

    @Override
    public Class<DeviceInfoQuery> messageType() {
        return DeviceInfoQuery.class;
    }

    @Override
    public DeviceInfoQuery read(ManscdpHeader header, XmlElement root) {
        return new DeviceInfoQuery(header.sn(), header.deviceId());
    }

    @Override
    public void writeBody(DeviceInfoQuery message, ManscdpXmlWriter out) {
        // a DeviceInfo query is only the common header
    }
}
