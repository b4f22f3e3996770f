package io.gbgate.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.api.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <token>} on every {@code /api} and {@code /actuator} request (metrics
 * included: Prometheus sends it with {@code authorization: {credentials: ...}}), except the bare health status.
 */
public final class ApiTokenFilter extends OncePerRequestFilter {
    /** Request attribute naming who made an authenticated call (for the audit log). */
    public static final String PRINCIPAL_ATTRIBUTE = "gbgate.principal";
    private static final String BEARER = "Bearer ";

    private final ApiToken token;
    private final ObjectMapper json;

    public ApiTokenFilter(ApiToken token, ObjectMapper json) {
        this.token = token;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.equals("/actuator/health") || uri.startsWith("/actuator/health/")) {
            return true; // UP or DOWN only, for load balancers and process supervisors
        }
        return !under(uri, "/api") && !under(uri, "/actuator");
    }

    private static boolean under(String uri, String prefix) {
        return uri.equals(prefix) || uri.startsWith(prefix + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            reject(response, "missing bearer token: send 'Authorization: Bearer <token>'");
            return;
        }
        if (!token.matches(header.substring(BEARER.length()).trim())) {
            reject(response, "invalid bearer token");
            return;
        }
        request.setAttribute(PRINCIPAL_ATTRIBUTE, "api-token");
        chain.doFilter(request, response);
    }

    private void reject(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gbgate\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiError.of(HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", message));
    }
}
