package io.gbgate.storage.object;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.util.Set;

/** Maps minio-java failures onto {@link ObjectStoreException} kinds. */
final class S3Errors {

    private static final Set<String> NOT_FOUND_CODES = Set.of("NoSuchKey", "NoSuchBucket", "NoSuchObject",
            "ResourceNotFound", "NotFound");
    private static final Set<String> UNAVAILABLE_CODES = Set.of("SlowDown", "ServiceUnavailable", "InternalError",
            "RequestTimeout", "ServerBusy");

    private S3Errors() {
    }

    /** True when the exception is S3 saying that the object or bucket does not exist. */
    static boolean isNotFound(Exception e) {
        return e instanceof ErrorResponseException response
                && (NOT_FOUND_CODES.contains(response.errorResponse().code()) || response.response().code() == 404);
    }

    /** The store exception for a failed request; {@code what} names the operation and key. */
    static ObjectStoreException map(String what, Exception e) {
        if (e instanceof ObjectStoreException already) {
            return already;
        }
        if (isNotFound(e)) {
            return new ObjectStoreException(ObjectStoreException.Kind.NOT_FOUND, what + ": not found", e);
        }
        if (e instanceof ErrorResponseException response) {
            String code = response.errorResponse().code();
            int status = response.response().code();
            String detail = what + ": S3 answered " + status + " " + code + " (" + response.errorResponse().message()
                    + ")";
            ObjectStoreException.Kind kind = status >= 500 || UNAVAILABLE_CODES.contains(code)
                    ? ObjectStoreException.Kind.UNAVAILABLE : ObjectStoreException.Kind.REFUSED;
            return new ObjectStoreException(kind, detail, e);
        }
        if (e instanceof ServerException server) {
            return new ObjectStoreException(ObjectStoreException.Kind.UNAVAILABLE,
                    what + ": S3 server error " + server.statusCode(), e);
        }
        if (e instanceof InsufficientDataException) {
            return new ObjectStoreException(ObjectStoreException.Kind.INTEGRITY,
                    what + ": the local file ended early (changed while uploading)", e);
        }
        if (e instanceof IOException) {
            return new ObjectStoreException(ObjectStoreException.Kind.UNAVAILABLE,
                    what + ": S3 endpoint unreachable (" + e + ")", e);
        }
        return new ObjectStoreException(ObjectStoreException.Kind.REFUSED, what + ": " + e, e);
    }
}
