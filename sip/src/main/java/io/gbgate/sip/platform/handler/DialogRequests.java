package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.DeviceCommandException;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends requests inside an established dialog (INFO, re-SUBSCRIBE, BYE) and completes with the final
 * response, whatever its status; fails with {@link DeviceCommandException} NO_ANSWER after the
 * timeout (sooner than the SIP transaction timer) or NOT_SENT when jain-sip cannot send.
 */
public final class DialogRequests {

    private final SipEndpoint endpoint;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;

    /** Creates the sender; {@code timeout} bounds the wait for a final response. */
    public DialogRequests(SipEndpoint endpoint, ScheduledExecutorService scheduler, Duration timeout) {
        this.endpoint = endpoint;
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    /** Sends {@code request}, created by {@code dialog.createRequest}, on {@code dialog}. */
    public CompletableFuture<Response> send(Dialog dialog, Request request, String deviceId) {
        CompletableFuture<Response> done = new CompletableFuture<>();
        String method = request.getMethod();
        try {
            ClientTransaction ct = endpoint.provider().getNewClientTransaction(request);
            ct.setApplicationData(new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    if (event.getResponse().getStatusCode() >= 200) {
                        done.complete(event.getResponse());
                    }
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    done.completeExceptionally(new DeviceCommandException(Failure.NO_ANSWER, deviceId,
                            method + " transaction timed out"));
                }
            });
            dialog.sendRequest(ct);
        } catch (SipException | RuntimeException e) {
            done.completeExceptionally(new DeviceCommandException(Failure.NOT_SENT, deviceId, 0,
                    "cannot send " + method + ": " + e.getMessage(), e));
            return done;
        }
        ScheduledFuture<?> timer = scheduler.schedule(() -> done.completeExceptionally(new DeviceCommandException(
                Failure.NO_ANSWER, deviceId, "no final response to " + method + " within " + timeout.toMillis()
                + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
        done.whenComplete((response, error) -> timer.cancel(false));
        return done;
    }

    /** Fails unless {@code response} is 2xx. */
    public static CompletableFuture<Response> requireSuccess(Response response, String deviceId, String what) {
        int status = response.getStatusCode();
        if (status < 300) {
            return CompletableFuture.completedFuture(response);
        }
        return CompletableFuture.failedFuture(new DeviceCommandException(Failure.REFUSED, deviceId, status,
                deviceId + " answered " + status + " " + response.getReasonPhrase() + " to " + what, null));
    }
}
