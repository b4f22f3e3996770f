package io.gbgate.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The JSON body of every API error: what went wrong, in words, and for plays the stage reached. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String streamId, String cause, String stage,
                       Map<String, Long> timingsMillis) {

    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null, null, null, null);
    }
}
