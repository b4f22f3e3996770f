package io.gbgate.sip.platform.handler;

import gov.nist.javax.sip.message.SIPRequest;
import io.gbgate.sip.auth.DigestAuthException;
import io.gbgate.sip.auth.DigestCalculator;
import io.gbgate.sip.auth.DigestCredentials;
import io.gbgate.sip.auth.FailedDigestLimiter;
import io.gbgate.sip.auth.NonceService;
import io.gbgate.sip.auth.NonceStatus;
import io.gbgate.sip.id.GbId;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.RegistrationRefusal;
import io.gbgate.sip.platform.RegistrationRefusal.Reason;
import io.gbgate.sip.platform.SipPlatformConfig;
import io.gbgate.sip.stack.SipEndpoint;
import io.gbgate.sip.stack.SipTransport;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER with HTTP digest (realm = SIP domain, MD5, qop=auth):
 * no or unknown nonce -> 401 challenge; expired nonce -> 401 stale=true; wrong user, realm or
 * password -> 403 and nothing registered; Expires 0 -> unregister; too short -> 423; otherwise the
 * device is stored with the address its packets really came from, and a new registration triggers
 * {@code onRegistered} (DeviceInfo and Catalog queries). Every refusal is reported to the listener with
 * its precise reason ({@link RegistrationRefusal}); repeated wrong digests for one device from one address
 * are refused unchecked for a while ({@link FailedDigestLimiter}).
 */
public final class RegisterHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RegisterHandler.class);
    private static final int DEFAULT_EXPIRES = 3600;

    private final SipPlatformConfig config;
    private final SipEndpoint endpoint;
    private final DeviceRegistry registry;
    private final CatalogResponseHandler catalogs;
    private final NonceService nonces;
    private final FailedDigestLimiter failures;
    private final PlatformListener listener;
    private final Consumer<RegisteredDevice> onRegistered;
    private final Clock clock;

    /** Creates the handler; {@code onRegistered} runs after the 200 OK of a new registration. */
    public RegisterHandler(SipPlatformConfig config, SipEndpoint endpoint, DeviceRegistry registry,
                           CatalogResponseHandler catalogs, NonceService nonces, FailedDigestLimiter failures,
                           PlatformListener listener, Consumer<RegisteredDevice> onRegistered, Clock clock) {
        this.config = config;
        this.endpoint = endpoint;
        this.registry = registry;
        this.catalogs = catalogs;
        this.nonces = nonces;
        this.failures = failures;
        this.listener = listener;
        this.onRegistered = onRegistered;
        this.clock = clock;
    }

    /** Processes one REGISTER. */
    public void handle(RequestEvent event) {
        Request request = event.getRequest();
        String deviceId = MessageHandler.senderId(request);
        if (!GbId.isValid(deviceId)) {
            refuse(event, deviceId, Response.BAD_REQUEST, "From user is not a 20-digit device ID",
                    Reason.BAD_DEVICE_ID, "From user '" + deviceId + "' is not a 20-digit GB/T 28181 ID");
            return;
        }
        AuthorizationHeader authorization = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (authorization == null) {
            challenge(event, false);
            return;
        }
        NonceStatus nonce = nonces.check(authorization.getNonce());
        if (nonce != NonceStatus.VALID) {
            challenge(event, nonce == NonceStatus.STALE);
            return;
        }
        String host = ((SIPRequest) request).getRemoteAddress().getHostAddress();
        Duration blocked = failures.blockedFor(host, deviceId, clock.instant());
        if (!blocked.isZero()) {
            refuse(event, deviceId, Response.FORBIDDEN, "Too many failed attempts", Reason.TOO_MANY_FAILURES,
                    "refused unchecked for another " + Math.max(1, blocked.toSeconds()) + " s after repeated"
                            + " wrong digests from " + host);
            return;
        }
        Refused wrong = credentialsProblem(deviceId, authorization, request.getMethod());
        if (wrong != null) {
            LOG.info("REGISTER of {} from {} refused: {}", deviceId, host, wrong.detail());
            String detail = failures.failed(host, deviceId, clock.instant())
                    ? wrong.detail() + "; further attempts from " + host + " are refused for a while"
                    : wrong.detail();
            refuse(event, deviceId, Response.FORBIDDEN, "Wrong credentials", wrong.reason(), detail);
            return;
        }
        failures.succeeded(host, deviceId);
        int expires = requestedExpires(request);
        if (expires == 0) {
            unregister(event, deviceId);
        } else if (expires < config.minRegisterExpires()) {
            intervalTooBrief(event, deviceId, expires);
        } else {
            register(event, deviceId, Math.min(expires, config.maxRegisterExpires()));
        }
    }

    /** A refusal's reason and its specifics. */
    private record Refused(Reason reason, String detail) {
    }

    /** Null when the digest proves the device's password, else what is wrong with it. */
    private Refused credentialsProblem(String deviceId, AuthorizationHeader auth, String method) {
        if (!deviceId.equals(auth.getUsername())) {
            return new Refused(Reason.USERNAME_MISMATCH, "digest username '" + auth.getUsername()
                    + "' is not the device ID " + deviceId + " of the From header");
        }
        if (!config.domain().equals(auth.getRealm())) {
            return new Refused(Reason.REALM_MISMATCH, "digest realm '" + auth.getRealm()
                    + "', expected the SIP domain '" + config.domain() + "'");
        }
        if (auth.getResponse() == null || auth.getParameter("uri") == null) {
            return new Refused(Reason.UNUSABLE_DIGEST, "digest without response or uri");
        }
        DigestCredentials credentials = new DigestCredentials(auth.getUsername(), auth.getRealm(), auth.getNonce(),
                auth.getParameter("uri"), auth.getResponse(), auth.getAlgorithm(), auth.getQop(),
                auth.getParameter("nc"), auth.getCNonce(), auth.getOpaque());
        try {
            return DigestCalculator.verify(credentials, method, config.passwordOf(deviceId)) ? null
                    : new Refused(Reason.WRONG_PASSWORD, "digest response does not match the password configured"
                    + " for " + deviceId + (config.devicePasswords().containsKey(deviceId) ? " (its own password)"
                    : " (the global device password)"));
        } catch (DigestAuthException e) {
            return new Refused(Reason.UNUSABLE_DIGEST, e.getMessage());
        }
    }

    private void register(RequestEvent event, String deviceId, int expires) {
        SIPRequest request = (SIPRequest) event.getRequest();
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        Optional<RegisteredDevice> previous = registry.get(deviceId);
        RegisteredDevice device = new RegisteredDevice(deviceId, SipTransport.parse(via.getTransport()),
                request.getRemoteAddress().getHostAddress(), request.getRemotePort(),
                contact == null ? null : contact.getAddress().getURI().toString(), expires, clock.instant(),
                previous.map(RegisteredDevice::lastKeepalive).orElse(null),
                previous.map(RegisteredDevice::observedKeepaliveInterval).orElse(null), true);
        registry.put(device);
        Response ok = endpoint.messages().response(request, Response.OK);
        try {
            ok.addHeader(endpoint.messages().headers().createExpiresHeader(expires));
            if (contact != null) {
                ContactHeader granted = (ContactHeader) contact.clone();
                granted.setExpires(expires);
                ok.addHeader(granted);
            }
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("expires " + expires + " rejected", e);
        }
        endpoint.respond(event, ok);
        boolean fresh = previous.isEmpty() || !previous.get().online()
                || !previous.get().remoteHost().equals(device.remoteHost())
                || previous.get().remotePort() != device.remotePort();
        if (fresh) {
            LOG.info("device {} registered from {}:{} over {} for {} s", deviceId, device.remoteHost(),
                    device.remotePort(), device.transport(), expires);
            listener.deviceRegistered(device);
            onRegistered.accept(device);
        }
    }

    private void unregister(RequestEvent event, String deviceId) {
        Response ok = endpoint.messages().response(event.getRequest(), Response.OK);
        try {
            ok.addHeader(endpoint.messages().headers().createExpiresHeader(0));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        boolean removed = registry.remove(deviceId).isPresent();
        if (removed) {
            catalogs.forget(deviceId);
        }
        // state first, answer second: a device that got its 200 is no longer registered
        endpoint.respond(event, ok);
        if (removed) {
            LOG.info("device {} unregistered", deviceId);
            listener.deviceUnregistered(deviceId);
        }
    }

    private void intervalTooBrief(RequestEvent event, String deviceId, int expires) {
        reportRefusal(event, deviceId, Response.INTERVAL_TOO_BRIEF, Reason.INTERVAL_TOO_BRIEF,
                "Expires " + expires + " s is below the minimum of " + config.minRegisterExpires() + " s");
        Response response = endpoint.messages().response(event.getRequest(), Response.INTERVAL_TOO_BRIEF);
        try {
            response.addHeader(endpoint.messages().headers().createMinExpiresHeader(config.minRegisterExpires()));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        endpoint.respond(event, response);
    }

    private void challenge(RequestEvent event, boolean stale) {
        Response response = endpoint.messages().response(event.getRequest(), Response.UNAUTHORIZED);
        try {
            WWWAuthenticateHeader header = endpoint.messages().headers().createWWWAuthenticateHeader("Digest");
            header.setRealm(config.domain());
            header.setNonce(nonces.issue());
            header.setQop(DigestCalculator.QOP_AUTH);
            header.setAlgorithm(DigestCalculator.MD5);
            if (stale) {
                header.setStale(true);
            }
            response.addHeader(header);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build digest challenge", e);
        }
        endpoint.respond(event, response);
    }

    private int requestedExpires(Request request) {
        ExpiresHeader expires = (ExpiresHeader) request.getHeader(ExpiresHeader.NAME);
        if (expires != null) {
            return expires.getExpires();
        }
        ContactHeader contact = (ContactHeader) request.getHeader(ContactHeader.NAME);
        return contact != null && contact.getExpires() >= 0 ? contact.getExpires() : DEFAULT_EXPIRES;
    }

    private void refuse(RequestEvent event, String deviceId, int status, String phrase, Reason reason,
                        String detail) {
        reportRefusal(event, deviceId, status, reason, detail);
        endpoint.respond(event, endpoint.messages().refusal(event.getRequest(), status, phrase,
                config.announcedHost()));
    }

    private void reportRefusal(RequestEvent event, String deviceId, int status, Reason reason, String detail) {
        SIPRequest request = (SIPRequest) event.getRequest();
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        listener.registrationRefused(new RegistrationRefusal(clock.instant(), deviceId,
                request.getRemoteAddress().getHostAddress(), request.getRemotePort(),
                via == null ? null : via.getTransport(), reason, detail, status));
    }
}
