package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.CatalogNotify;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;

/**
 * Catalog change notifications: applied to the known channel list (ADD / UPDATE / ON / OFF / VLOST /
 * DEFECT store the item as sent, DEL removes it), then reported to the listener.
 */
public final class CatalogNotifyHandler implements ManscdpCommandHandler<CatalogNotify> {

    private final CatalogResponseHandler catalogs;
    private final PlatformListener listener;

    /** Creates the handler. */
    public CatalogNotifyHandler(CatalogResponseHandler catalogs, PlatformListener listener) {
        this.catalogs = catalogs;
        this.listener = listener;
    }

    @Override
    public Class<CatalogNotify> type() {
        return CatalogNotify.class;
    }

    @Override
    public void handle(RegisteredDevice device, CatalogNotify message) {
        catalogs.apply(device.deviceId(), message.changes());
        listener.catalogChanged(device.deviceId(), message.changes());
    }
}
