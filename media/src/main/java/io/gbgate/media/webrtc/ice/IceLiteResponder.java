package io.gbgate.media.webrtc.ice;

import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * The controlled, lite side of ICE for one session: validates connectivity checks (USERNAME
 * {@code localUfrag:remoteUfrag}, MESSAGE-INTEGRITY keyed with the local password, FINGERPRINT
 * when present), answers them with XOR-MAPPED-ADDRESS, and selects the pair the controlling
 * agent nominates with USE-CANDIDATE (RFC 8445 sections 7.3 and 8.2).
 *
 * <p>Thread-safe: the selected address is published through a volatile field.
 */
public final class IceLiteResponder {
    private static final String SOFTWARE = "gbgate";

    private final IceCredentials local;
    private final String remoteUfrag;
    private final String expectedUsername;
    private volatile InetSocketAddress selectedAddress;

    /**
     * @param local       this side's credentials (from the SDP answer)
     * @param remoteUfrag the browser's ice-ufrag (from the SDP offer)
     */
    public IceLiteResponder(IceCredentials local, String remoteUfrag) {
        this.local = local;
        this.remoteUfrag = remoteUfrag;
        this.expectedUsername = local.ufrag() + ":" + remoteUfrag;
    }

    public IceCredentials localCredentials() {
        return local;
    }

    public String remoteUfrag() {
        return remoteUfrag;
    }

    /** The remote address of the nominated pair, or null before nomination. */
    public InetSocketAddress selectedAddress() {
        return selectedAddress;
    }

    /** Handles one STUN message that arrived from {@code from}. */
    public IceCheckOutcome handle(StunMessage message, InetSocketAddress from, ByteBufAllocator allocator) {
        if (message.type() == StunMessageType.BINDING_INDICATION) {
            return IceCheckOutcome.dropped("binding indication (keepalive)");
        }
        if (message.type() != StunMessageType.BINDING_REQUEST) {
            return IceCheckOutcome.dropped("not a binding request: type 0x" + Integer.toHexString(message.type()));
        }
        if (message.hasFingerprint() && !message.hasValidFingerprint()) {
            return IceCheckOutcome.dropped("bad FINGERPRINT");
        }
        if (message.unknownRequiredAttribute() >= 0) {
            return error(message, allocator, 420, "Unknown Attribute", "unknown comprehension-required attribute 0x"
                    + Integer.toHexString(message.unknownRequiredAttribute()));
        }
        if (message.username() == null || !message.hasIntegrity()) {
            return error(message, allocator, 400, "Bad Request", "no USERNAME or MESSAGE-INTEGRITY");
        }
        if (!expectedUsername.equals(message.username())) {
            return error(message, allocator, 401, "Unauthorized", "USERNAME " + message.username() + " is not "
                    + expectedUsername);
        }
        if (!message.hasValidIntegrity(local.integrityKey())) {
            return error(message, allocator, 401, "Unauthorized", "MESSAGE-INTEGRITY does not verify");
        }
        if (message.iceControlled().isPresent()) {
            // A lite agent is always controlled and cannot switch roles (RFC 8445 section 7.3.1.1).
            return error(message, allocator, 487, "Role Conflict", "peer also claims the controlled role");
        }
        boolean nominate = message.useCandidate();
        if (nominate) {
            selectedAddress = from;
        }
        var response = new StunMessageBuilder(StunMessageType.BINDING_SUCCESS_RESPONSE, message.transactionId())
                .xorMappedAddress(from)
                .software(SOFTWARE)
                .encode(allocator, local.integrityKey(), true);
        return IceCheckOutcome.success(response, nominate);
    }

    private IceCheckOutcome error(StunMessage request, ByteBufAllocator allocator, int code, String reason,
                                  String why) {
        var builder = new StunMessageBuilder(StunMessageType.BINDING_ERROR_RESPONSE, request.transactionId())
                .errorCode(code, reason);
        // 400 and 401 go out without integrity: the sender's credentials are unknown or wrong.
        boolean integrity = code != 400 && code != 401;
        return IceCheckOutcome.rejected(builder.encode(allocator, integrity ? local.integrityKey() : null, true), why);
    }
}
