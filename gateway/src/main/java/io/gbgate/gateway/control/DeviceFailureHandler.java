package io.gbgate.gateway.control;

import io.gbgate.gateway.api.ApiError;
import io.gbgate.sip.platform.DeviceCommandException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one place where a failed device command becomes an HTTP answer: the device's fault or absence is a
 * gateway status (409 / 502 / 503 / 504), never a 500, and the body says which failure it was.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DeviceFailureHandler {

    @ExceptionHandler(DeviceCommandException.class)
    ResponseEntity<ApiError> deviceCommandFailed(DeviceCommandException e) {
        HttpStatus status = statusOf(e.failure());
        String message = e.failure() == DeviceCommandException.Failure.REFUSED && e.statusCode() > 0
                ? e.getMessage() + " (SIP " + e.statusCode() + ")" : e.getMessage();
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), message,
                null, e.failure().name(), null, null));
    }

    @ExceptionHandler(DeviceUnavailableException.class)
    ResponseEntity<ApiError> deviceUnavailable(DeviceUnavailableException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiError(HttpStatus.CONFLICT.value(),
                HttpStatus.CONFLICT.getReasonPhrase(), e.getMessage(), null, "DEVICE_OFFLINE", null, null));
    }

    /** The HTTP status of a device command failure. */
    static HttpStatus statusOf(DeviceCommandException.Failure failure) {
        return switch (failure) {
            case NOT_REGISTERED -> HttpStatus.CONFLICT;
            case UNKNOWN_DIALOG -> HttpStatus.NOT_FOUND;
            case NOT_SENT -> HttpStatus.SERVICE_UNAVAILABLE;
            case REFUSED, DEVICE_ERROR -> HttpStatus.BAD_GATEWAY;
            case NO_ANSWER -> HttpStatus.GATEWAY_TIMEOUT;
        };
    }
}
