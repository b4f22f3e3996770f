package io.gbgate.gateway.api;

import io.gbgate.gateway.stream.PlayFailedException;
import io.gbgate.gateway.stream.PlayFailure;
import io.gbgate.gateway.stream.UnknownChannelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Maps failures to {@link ApiError} bodies with a status that says whose fault it is. */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler({NotFoundException.class, UnknownChannelException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(PlayFailedException.class)
    ResponseEntity<ApiError> playFailed(PlayFailedException e) {
        // The device (or the path to it) failed, not the caller: 504 when it never answered, else 502.
        HttpStatus status = e.failure() == PlayFailure.NO_ANSWER ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        ApiError body = new ApiError(status.value(), "play failed", e.getMessage(), e.streamId(),
                e.failure().name(), e.lastStage() == null ? null : e.lastStage().name(), e.timingsMillis());
        return ResponseEntity.status(status).body(body);
    }

    /** The response for a failure that arrived outside the handler chain (an async result). */
    public ResponseEntity<ApiError> toResponse(Throwable error) {
        if (error instanceof PlayFailedException play) {
            return playFailed(play);
        }
        if (error instanceof NotFoundException || error instanceof UnknownChannelException) {
            return notFound((RuntimeException) error);
        }
        if (error instanceof IllegalArgumentException bad) {
            return badRequest(bad);
        }
        log.error("unexpected failure", error);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(error.getMessage()));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiError.of(status.value(), status.getReasonPhrase(), message));
    }
}
