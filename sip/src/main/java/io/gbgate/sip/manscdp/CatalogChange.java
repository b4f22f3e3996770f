package io.gbgate.sip.manscdp;

import java.util.Objects;

/**
 * One item of a catalog change notify: what happened to which channel. For {@link CatalogEvent#DEL} and status
 * events the item often carries only its DeviceID.
 *
 * @param event what happened
 * @param item  the channel as sent
 */
public record CatalogChange(CatalogEvent event, CatalogItem item) {

    public CatalogChange {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(item, "item");
    }
}
