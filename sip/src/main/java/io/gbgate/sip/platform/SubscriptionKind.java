package io.gbgate.sip.platform;

/**
 * What a platform subscribes to at a device, with the SIP {@code Event} header value GB/T 28181
 * devices expect (catalog subscriptions use {@code Catalog}, alarm and position subscriptions
 * {@code presence}; the body's CmdType tells them apart).
 */
public enum SubscriptionKind {
    /** Catalog changes (ADD / DEL / UPDATE / ON / OFF). */
    CATALOG("Catalog"),
    /** Alarms. */
    ALARM("presence"),
    /** Mobile positions. */
    MOBILE_POSITION("presence");

    private final String eventHeader;

    SubscriptionKind(String eventHeader) {
        this.eventHeader = eventHeader;
    }

    /** The {@code Event} header value. */
    public String eventHeader() {
        return eventHeader;
    }
}
