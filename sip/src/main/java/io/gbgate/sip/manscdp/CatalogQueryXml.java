package io.gbgate.sip.manscdp;

/** Query(Catalog): nothing after DeviceID. */
final class CatalogQueryXml implements ManscdpMapper<CatalogQuery> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.QUERY;
    }

    @Override
    public String cmdType() {
        return CatalogQuery.CMD_TYPE;
    }

    @Override
    public Class<CatalogQuery> messageType() {
        return CatalogQuery.class;
    }

    @Override
    public CatalogQuery read(ManscdpHeader header, XmlElement root) {
        return new CatalogQuery(header.sn(), header.deviceId());
    }

    @Override
    public void writeBody(CatalogQuery message, ManscdpXmlWriter out) {
        // a Catalog query is only the common header
    }
}
