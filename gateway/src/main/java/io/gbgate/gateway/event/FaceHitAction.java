package io.gbgate.gateway.event;

/** What a face hit may be linked to; rules list them in the order they are tried. */
public enum FaceHitAction {
    /** The event the hit names ({@code eventId}); an unknown one is an error. Skipped when the hit names none. */
    GIVEN,
    /** The most recent open event of the same person (status not one of the closed statuses). */
    OPEN,
    /** A new event opened for the person. */
    CREATE
}
