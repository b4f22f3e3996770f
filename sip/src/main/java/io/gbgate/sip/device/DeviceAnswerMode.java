package io.gbgate.sip.device;

/** How the simulated device answers the platform's queries and controls (for tests of failure paths). */
public enum DeviceAnswerMode {
    /** Answers as a healthy device. */
    NORMAL,
    /** Answers {@code Result ERROR} where the answer has a Result (controls, DeviceStatus, configuration). */
    ERROR,
    /** Accepts the MESSAGE with 200 but never sends the answer MESSAGE. */
    SILENT,
    /** Sends only the first page of answers that are split over several MESSAGEs (RecordInfo, Catalog). */
    INCOMPLETE
}
