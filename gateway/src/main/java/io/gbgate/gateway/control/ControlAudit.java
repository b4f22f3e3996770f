package io.gbgate.gateway.control;

import io.gbgate.gateway.api.ViewingAudit;
import io.gbgate.storage.AuditEntry;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.stereotype.Component;

/**
 * Records every control sent to a camera ({@link AuditEntry#CONTROL}): who, from where, which device or channel,
 * what was asked and how the device answered ({@code PTZCmd left speed 100 -> OK}, {@code -> failed: ...}). The
 * caller is read on the request thread; the entry is written once the device answered or the request failed.
 */
@Component
public class ControlAudit {
    private final ViewingAudit audit;
    private final HttpServletRequest request;

    /** {@code request} is Spring's proxy to the current request. */
    public ControlAudit(ViewingAudit audit, HttpServletRequest request) {
        this.audit = audit;
        this.request = request;
    }

    /** Returns {@code call}, recording its outcome for the current request's caller when it completes. */
    public <T> CompletableFuture<T> recorded(String targetId, String what, CompletableFuture<T> call) {
        ViewingAudit.Caller caller = ViewingAudit.Caller.of(request);
        return call.whenComplete((answer, failure) ->
                audit.record(caller, AuditEntry.CONTROL, targetId, what + " -> " + outcome(answer, failure)));
    }

    private static String outcome(Object answer, Throwable failure) {
        if (failure == null) {
            return answer instanceof ControlResult result ? result.result() : "OK";
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return "failed: " + cause.getMessage();
    }
}
