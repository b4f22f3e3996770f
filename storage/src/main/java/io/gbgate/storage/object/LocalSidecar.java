package io.gbgate.storage.object;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON file that {@link LocalFileObjectStore} keeps next to each object: what S3 would keep as object
 * headers and user metadata.
 *
 * @param format      sidecar format version, {@value #FORMAT}
 * @param key         object key
 * @param size        content length in bytes
 * @param sha256      lower-case hex SHA-256 of the content
 * @param storedAt    ISO-8601 instant of the write
 * @param contentType MIME type
 * @param metadata    {@link ObjectMetadata#toHeaders()} of the object
 */
record LocalSidecar(int format, String key, long size, String sha256, String storedAt, String contentType,
                    Map<String, String> metadata) {

    static final int FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    static LocalSidecar of(String key, FileDigest digest, Instant storedAt, ObjectMetadata metadata) {
        return new LocalSidecar(FORMAT, key, digest.size(), digest.sha256(), storedAt.toString(),
                metadata.contentType(), metadata.toHeaders());
    }

    byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sidecar of " + key + " not serializable", e);
        }
    }

    static LocalSidecar fromJson(byte[] json) throws IOException {
        LocalSidecar sidecar = JSON.readValue(json, LocalSidecar.class);
        if (sidecar.format() != FORMAT || sidecar.key() == null || sidecar.sha256() == null
                || sidecar.storedAt() == null || sidecar.contentType() == null || sidecar.metadata() == null) {
            throw new IOException("sidecar is incomplete or of unknown format " + sidecar.format());
        }
        return sidecar;
    }

    StoredObject toStoredObject() {
        ObjectMetadata objectMetadata = ObjectMetadata.fromHeaders(contentType, metadata);
        return new StoredObject(key, size, sha256, sha256, Instant.parse(storedAt), objectMetadata);
    }
}
