package io.gbgate.sip.manscdp;

import java.util.Objects;

/**
 * A well-formed MANSCDP body whose kind/CmdType pair has no record here (e.g. Query(SnapShotConfig),
 * Notify(Broadcast)).
 * Not an error: the caller can answer or ignore it. Encoding one writes only the four header elements.
 *
 * @param kind     root element family
 * @param cmdType  the CmdType as sent
 * @param sn       sequence number
 * @param deviceId device ID
 */
public record UnknownManscdp(ManscdpKind kind, String cmdType, long sn, String deviceId) implements ManscdpMessage {

    public UnknownManscdp {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(cmdType, "cmdType");
        MessageChecks.header(sn, deviceId);
    }
}
