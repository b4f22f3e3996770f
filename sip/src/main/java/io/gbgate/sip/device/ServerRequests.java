package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import io.gbgate.sip.stack.SipMessages;
import io.gbgate.sip.stack.SipRequestBuilder;
import java.util.concurrent.CompletableFuture;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.message.Request;

/** Builds and sends the device's requests to its platform. */
final class ServerRequests {

    private final SipDeviceConfig config;
    private final SipEndpoint endpoint;

    ServerRequests(SipDeviceConfig config, SipEndpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
    }

    /** {@code sip:serverId@serverHost:serverPort;transport=...}. */
    SipURI serverUri() {
        return endpoint.messages().sipUri(config.serverId(), config.serverHost(), config.serverPort(),
                config.transport());
    }

    /** {@code sip:deviceId@localHost:port}. */
    Address contact() {
        SipMessages m = endpoint.messages();
        return m.address(m.sipUri(config.deviceId(), config.localHost(), endpoint.port(), config.transport()));
    }

    /** A request to the platform; {@code toUser} is the device itself for REGISTER, the platform otherwise. */
    SipRequestBuilder request(String method, String toUser) {
        SipMessages m = endpoint.messages();
        return m.request(method, serverUri())
                .from(m.address(m.sipUri(config.deviceId(), config.serverDomain(), 0, null)), SipMessages.newTag())
                .to(m.address(m.sipUri(toUser, config.serverDomain(), 0, null)))
                .via(config.localHost(), endpoint.port(), config.transport());
    }

    /** Sends a MANSCDP MESSAGE; completes on 2xx, fails on error status, timeout or send failure. */
    CompletableFuture<Void> sendManscdp(ManscdpMessage message) {
        Request request = request(Request.MESSAGE, config.serverId())
                .callId(endpoint.messages().newCallId())
                .cseq(1)
                .body(endpoint.messages().contentType("Application", "MANSCDP+xml"), ManscdpCodec.encode(message))
                .build();
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        try {
            endpoint.send(request, new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int status = event.getResponse().getStatusCode();
                    if (status >= 300) {
                        accepted.completeExceptionally(new IllegalStateException("platform answered " + status
                                + " " + event.getResponse().getReasonPhrase() + " to " + message.cmdType()));
                    } else if (status >= 200) {
                        accepted.complete(null);
                    }
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    accepted.completeExceptionally(new IllegalStateException("platform did not answer "
                            + message.cmdType()));
                }
            });
        } catch (SipException | RuntimeException e) {
            accepted.completeExceptionally(e);
        }
        return accepted;
    }
}
