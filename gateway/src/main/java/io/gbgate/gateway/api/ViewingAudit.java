package io.gbgate.gateway.api;

import io.gbgate.gateway.security.ApiTokenFilter;
import io.gbgate.storage.AuditEntry;
import io.gbgate.storage.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Who watched, played back, downloaded, exported or controlled which channel, when and from where: one
 * {@link AuditEntry} per such API request, with the principal the API token filter authenticated.
 */
@Component
public class ViewingAudit {
    private final AuditLog audit;
    private final Clock clock;

    public ViewingAudit(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Who made a request and from where, read while the request is current. */
    public record Caller(String principal, String remoteAddress) {
        /** The caller of {@code request}. */
        public static Caller of(HttpServletRequest request) {
            return new Caller(ViewingAudit.principal(request), request.getRemoteAddr());
        }
    }

    /** Records {@code action} on channel {@code channelId} for the caller of {@code request}. */
    public void record(HttpServletRequest request, String action, String channelId, String detail) {
        record(Caller.of(request), action, channelId, detail);
    }

    /** Records {@code action} on {@code target} for {@code caller}, e.g. once a device answered a request. */
    public void record(Caller caller, String action, String target, String detail) {
        audit.record(AuditEntry.of(clock.instant(), caller.principal(), action, target, caller.remoteAddress(),
                detail));
    }

    /** The authenticated caller of {@code request}, or {@code anonymous}. */
    public static String principal(HttpServletRequest request) {
        Object principal = request.getAttribute(ApiTokenFilter.PRINCIPAL_ATTRIBUTE);
        return principal == null ? "anonymous" : principal.toString();
    }
}
