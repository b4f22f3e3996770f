package io.gbgate.sip.device;

import io.gbgate.sip.auth.DigestCalculator;
import io.gbgate.sip.auth.DigestChallenge;
import io.gbgate.sip.auth.DigestCredentials;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.text.ParseException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * REGISTER client of the device: answers digest challenges, reuses the last nonce for refreshes
 * (new challenge when it went stale), refreshes at 80 % of the granted lifetime and unregisters with
 * Expires 0. One Call-ID for the whole registration, CSeq increasing.
 */
final class DeviceRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistration.class);
    private static final int MAX_CHALLENGES = 3;

    private final SipDeviceConfig config;
    private final SipEndpoint endpoint;
    private final ServerRequests requests;
    private final ScheduledExecutorService scheduler;
    private final CallIdHeader callId;
    private final AtomicLong cseq = new AtomicLong();
    private final AtomicLong nonceCount = new AtomicLong();
    private volatile DigestChallenge lastChallenge;
    private volatile ScheduledFuture<?> refresh;
    private volatile boolean active;

    DeviceRegistration(SipDeviceConfig config, SipEndpoint endpoint, ServerRequests requests,
                       ScheduledExecutorService scheduler) {
        this.config = config;
        this.endpoint = endpoint;
        this.requests = requests;
        this.scheduler = scheduler;
        this.callId = endpoint.messages().newCallId();
    }

    /** Registers (or refreshes) with the configured lifetime and keeps refreshing. */
    CompletableFuture<Void> register() {
        active = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(config.registerExpires(), lastChallenge, 0, done);
        return done;
    }

    /** Stops refreshing and sends REGISTER with Expires 0. */
    CompletableFuture<Void> unregister() {
        active = false;
        cancelRefresh();
        CompletableFuture<Void> done = new CompletableFuture<>();
        send(0, lastChallenge, 0, done);
        return done;
    }

    /** Stops refreshing without telling the platform. */
    void stop() {
        active = false;
        cancelRefresh();
    }

    private void cancelRefresh() {
        ScheduledFuture<?> pending = refresh;
        if (pending != null) {
            pending.cancel(false);
        }
    }

    private void send(int expires, DigestChallenge challenge, int challenges, CompletableFuture<Void> done) {
        Request request = requests.request(Request.REGISTER, config.deviceId())
                .callId(callId)
                .cseq(cseq.incrementAndGet())
                .contact(requests.contact())
                .expires(expires)
                .build();
        try {
            if (challenge != null) {
                request.addHeader(authorization(challenge));
            }
            endpoint.send(request, new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    answered(event.getResponse(), expires, challenges, done);
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    done.completeExceptionally(new DeviceRegistrationException(0, "REGISTER not answered"));
                }
            });
        } catch (SipException | ParseException | RuntimeException e) {
            done.completeExceptionally(new DeviceRegistrationException(0, "cannot send REGISTER: " + e));
        }
    }

    private void answered(Response response, int expires, int challenges, CompletableFuture<Void> done) {
        int status = response.getStatusCode();
        if (status < 200) {
            return;
        }
        if (status == Response.UNAUTHORIZED) {
            WWWAuthenticateHeader header = (WWWAuthenticateHeader) response.getHeader(WWWAuthenticateHeader.NAME);
            if (header == null || challenges >= MAX_CHALLENGES) {
                lastChallenge = null;
                done.completeExceptionally(new DeviceRegistrationException(status, "authentication failed"));
                return;
            }
            DigestChallenge challenge = new DigestChallenge(header.getRealm(), header.getNonce(),
                    header.getAlgorithm(), header.getQop(), header.getOpaque(), header.isStale());
            lastChallenge = challenge;
            nonceCount.set(0);
            send(expires, challenge, challenges + 1, done);
        } else if (status >= 200 && status < 300) {
            ExpiresHeader granted = (ExpiresHeader) response.getHeader(ExpiresHeader.NAME);
            int lifetime = granted != null ? granted.getExpires() : expires;
            if (expires > 0 && lifetime > 0 && active) {
                long refreshMillis = lifetime * 800L;
                refresh = scheduler.schedule(this::refresh, refreshMillis, TimeUnit.MILLISECONDS);
            }
            done.complete(null);
        } else {
            lastChallenge = null;
            done.completeExceptionally(new DeviceRegistrationException(status,
                    "REGISTER refused: " + status + " " + response.getReasonPhrase()));
        }
    }

    private void refresh() {
        if (active) {
            register().exceptionally(e -> {
                LOG.warn("re-REGISTER of {} failed: {}", config.deviceId(), e.getMessage());
                return null;
            });
        }
    }

    private AuthorizationHeader authorization(DigestChallenge challenge) throws ParseException {
        String uri = requests.serverUri().toString();
        String cnonce = UUID.randomUUID().toString().replace("-", "");
        DigestCredentials credentials = DigestCalculator.authorize(challenge, config.deviceId(), config.password(),
                Request.REGISTER, uri, cnonce, nonceCount.incrementAndGet());
        HeaderFactory headers = endpoint.messages().headers();
        AuthorizationHeader header = headers.createAuthorizationHeader("Digest");
        header.setUsername(credentials.username());
        header.setRealm(credentials.realm());
        header.setNonce(credentials.nonce());
        header.setURI(endpoint.messages().addresses().createURI(uri));
        header.setResponse(credentials.response());
        if (credentials.algorithm() != null) {
            header.setAlgorithm(credentials.algorithm());
        }
        if (credentials.qop() != null) {
            header.setQop(credentials.qop());
            header.setCNonce(credentials.cnonce());
            header.setNonceCount(Integer.parseInt(credentials.nc(), 16));
        }
        if (credentials.opaque() != null) {
            header.setOpaque(credentials.opaque());
        }
        return header;
    }
}
