package io.gbgate.sip.platform;

import io.gbgate.sip.stack.SipTransport;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A device as the platform knows it after REGISTER.
 *
 * @param deviceId                   20-digit device ID
 * @param transport                  transport the device registered over; requests to it use the same
 * @param remoteHost                 address the packets really came from (received), not the Contact
 * @param remotePort                 port the packets really came from (rport / TCP connection port)
 * @param contact                    Contact URI the device announced
 * @param expires                    granted registration lifetime in seconds
 * @param registeredAt               time of the last successful REGISTER
 * @param lastKeepalive              time of the last keepalive, or null before the first one
 * @param observedKeepaliveInterval  cadence measured between keepalives, or null while unknown
 * @param online                     false once keepalives stopped (the registration may still be valid)
 */
public record RegisteredDevice(String deviceId, SipTransport transport, String remoteHost, int remotePort,
                               String contact, int expires, Instant registeredAt, Instant lastKeepalive,
                               Duration observedKeepaliveInterval, boolean online) {

    /** Checks the mandatory fields. */
    public RegisteredDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(remoteHost, "remoteHost");
        Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /** When the device last showed a sign of life (keepalive, or the REGISTER itself). */
    public Instant lastSeen() {
        return lastKeepalive == null || lastKeepalive.isBefore(registeredAt) ? registeredAt : lastKeepalive;
    }

    /** When the registration runs out. */
    public Instant registrationEnds() {
        return registeredAt.plusSeconds(expires);
    }

    /**
     * Copy after a keepalive at {@code at}, marked online, with an updated cadence estimate. The
     * estimate starts from {@code assumedInterval}, follows a longer gap at once and shrinks by at most
     * an eighth per keepalive, so bunched or jittery keepalives cannot make it collapse.
     */
    public RegisteredDevice withKeepalive(Instant at, Duration assumedInterval) {
        Duration interval = observedKeepaliveInterval;
        if (lastKeepalive != null && at.isAfter(lastKeepalive)) {
            Duration measured = Duration.between(lastKeepalive, at);
            Duration previous = interval != null ? interval : assumedInterval;
            Duration floor = previous.minus(previous.dividedBy(8));
            interval = measured.compareTo(floor) > 0 ? measured : floor;
        }
        return new RegisteredDevice(deviceId, transport, remoteHost, remotePort, contact, expires, registeredAt,
                at, interval, true);
    }

    /** Copy marked offline. */
    public RegisteredDevice offline() {
        return new RegisteredDevice(deviceId, transport, remoteHost, remotePort, contact, expires, registeredAt,
                lastKeepalive, observedKeepaliveInterval, false);
    }
}
