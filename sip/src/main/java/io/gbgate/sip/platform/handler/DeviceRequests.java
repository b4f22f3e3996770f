package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.platform.DeviceCommandException;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SipPlatformConfig;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import io.gbgate.sip.stack.SipMessages;
import io.gbgate.sip.stack.SipRequestBuilder;
import java.util.concurrent.CompletableFuture;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;

/**
 * Builds and sends out-of-dialog requests from the platform to a registered device: addressed to the
 * device's real source address and port over the transport it registered with (for TCP jain-sip
 * reuses the device's connection, which it caches by that address and port).
 */
public final class DeviceRequests {

    private final SipPlatformConfig config;
    private final SipEndpoint endpoint;

    /** Creates the sender for {@code endpoint}. */
    public DeviceRequests(SipPlatformConfig config, SipEndpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
    }

    /**
     * A request to {@code targetUser} (the device or one of its channels) at the device's address.
     */
    public SipRequestBuilder request(String method, RegisteredDevice device, String targetUser) {
        SipMessages m = endpoint.messages();
        return m.request(method, m.sipUri(targetUser, device.remoteHost(), device.remotePort(), device.transport()))
                .from(m.address(m.sipUri(config.id(), config.domain(), 0, null)), SipMessages.newTag())
                .to(m.address(m.sipUri(targetUser, config.domain(), 0, null)))
                .callId(m.newCallId())
                .cseq(1)
                .via(config.announcedHost(), endpoint.port(), device.transport());
    }

    /** Contact address of the platform for {@code device}'s transport. */
    public javax.sip.address.Address contact(RegisteredDevice device) {
        SipMessages m = endpoint.messages();
        return m.address(m.sipUri(config.id(), config.announcedHost(), endpoint.port(), device.transport()));
    }

    /**
     * Sends {@code message} as MANSCDP MESSAGE to the device.
     *
     * @return completes when the device answered 2xx; exceptionally with {@link DeviceCommandException}
     *         for an error status, a timeout or a send failure
     */
    public CompletableFuture<Void> sendManscdp(RegisteredDevice device, ManscdpMessage message) {
        SipMessages m = endpoint.messages();
        Request request = request(Request.MESSAGE, device, device.deviceId())
                .body(m.contentType("Application", "MANSCDP+xml"), ManscdpCodec.encode(message))
                .build();
        CompletableFuture<Void> accepted = new CompletableFuture<>();
        try {
            endpoint.send(request, new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    int status = event.getResponse().getStatusCode();
                    if (status >= 300) {
                        accepted.completeExceptionally(new DeviceCommandException(Failure.REFUSED,
                                device.deviceId(), status, device.deviceId() + " answered " + status + " "
                                + event.getResponse().getReasonPhrase() + " to " + message.cmdType(), null));
                    } else if (status >= 200) {
                        accepted.complete(null);
                    }
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    accepted.completeExceptionally(new DeviceCommandException(Failure.NO_ANSWER,
                            device.deviceId(), "no answer to the " + message.cmdType() + " MESSAGE"));
                }
            });
        } catch (SipException | RuntimeException e) {
            accepted.completeExceptionally(new DeviceCommandException(Failure.NOT_SENT, device.deviceId(), 0,
                    "cannot send " + message.cmdType() + ": " + e.getMessage(), e));
        }
        return accepted;
    }
}
