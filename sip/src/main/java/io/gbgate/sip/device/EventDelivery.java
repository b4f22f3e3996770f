package io.gbgate.sip.device;

/** How the device delivers an event (alarm, position, catalog change) to the platform. */
public enum EventDelivery {
    /** As NOTIFY to every platform subscription of the event's topic. */
    SUBSCRIBERS,
    /** As an out-of-dialog MESSAGE to the platform. */
    MESSAGE,
    /** Both. */
    BOTH
}
