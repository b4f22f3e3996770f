package io.gbgate.storage.object;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.ObjectWriteResponse;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} in one bucket of an S3-compatible service (AWS S3, MinIO, Ceph RGW, ...), on minio-java.
 *
 * <p>The bucket is created on the first put if it does not exist, so the store can be constructed while the
 * service is down. Metadata travels as {@code x-amz-meta-*} user metadata, the SHA-256 among it; because headers
 * precede the body, put reads the file twice: once to digest it, once to send it while digesting again, and
 * fails with {@code INTEGRITY} (removing the object) if the two differ. Large files go up as multipart uploads,
 * which minio-java does by itself. Every put is confirmed with a HEAD (size and checksum) before it returns.
 */
public final class S3ObjectStore implements ObjectStore {

    /** Connect timeout used by the five-argument constructor. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Read/write timeout used by the five-argument constructor. */
    public static final Duration DEFAULT_IO_TIMEOUT = Duration.ofSeconds(60);

    private static final Duration MAX_PRESIGN_TTL = Duration.ofDays(7);
    private static final Set<String> BUCKET_EXISTS_CODES = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);

    private final MinioClient client;
    private final String bucket;
    private volatile boolean bucketReady;

    /** A store for {@code bucket} at {@code endpoint} (e.g. {@code http://127.0.0.1:9000}) with default timeouts. */
    public S3ObjectStore(String endpoint, String accessKey, String secretKey, String bucket, String region) {
        this(endpoint, accessKey, secretKey, bucket, region, DEFAULT_CONNECT_TIMEOUT, DEFAULT_IO_TIMEOUT);
    }

    /**
     * A store for {@code bucket} at {@code endpoint}.
     *
     * @param region         the bucket's region (given, so no location lookup is ever needed; presigning is local)
     * @param connectTimeout TCP connect timeout, bounding how long {@link #isAvailable()} can take on a dead host
     * @param ioTimeout      read and write timeout of each request
     */
    public S3ObjectStore(String endpoint, String accessKey, String secretKey, String bucket, String region,
                         Duration connectTimeout, Duration ioTimeout) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.client = MinioClient.builder()
                .endpoint(Objects.requireNonNull(endpoint, "endpoint"))
                .credentials(Objects.requireNonNull(accessKey, "accessKey"),
                        Objects.requireNonNull(secretKey, "secretKey"))
                .region(Objects.requireNonNull(region, "region"))
                .build();
        client.setTimeout(connectTimeout.toMillis(), ioTimeout.toMillis(), ioTimeout.toMillis());
    }

    /** The bucket this store writes to. */
    public String bucket() {
        return bucket;
    }

    @Override
    public StoredObject put(String key, Path file, ObjectMetadata metadata) {
        ObjectKeys.requireValid(key);
        Objects.requireNonNull(metadata, "metadata");
        FileDigest digest = FileDigest.of(file);
        ObjectMetadata stored = Uploads.checkedMetadata(key, metadata, digest);
        ensureBucket();
        MessageDigest sent = FileDigest.newSha256();
        try (InputStream in = new DigestInputStream(openLocal(file), sent)) {
            ObjectWriteResponse response = client.putObject(PutObjectArgs.builder()
                    .bucket(bucket)
                    .object(key)
                    .stream(in, digest.size(), -1)
                    .contentType(stored.contentType())
                    .userMetadata(stored.toHeaders())
                    .build());
            LOG.debug("put {}/{} ({} bytes, etag {})", bucket, key, digest.size(), response.etag());
        } catch (Exception e) {
            throw S3Errors.map("put " + key, e);
        }
        if (!FileDigest.hex(sent).equals(digest.sha256())) {
            delete(key);
            throw ObjectStoreException.integrity(file + " changed while uploading " + key);
        }
        StoredObject result = stat(key).orElseThrow(
                () -> ObjectStoreException.integrity(key + " is not visible after a successful put"));
        if (!result.matches(digest)) {
            throw ObjectStoreException.integrity(key + " stored as " + result.size() + " bytes, sha256 "
                    + result.sha256() + "; sent " + digest.size() + " bytes, sha256 " + digest.sha256());
        }
        return result;
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        ObjectKeys.requireValid(key);
        StatObjectResponse response;
        try {
            response = client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            if (S3Errors.isNotFound(e)) {
                return Optional.empty();
            }
            throw S3Errors.map("stat " + key, e);
        }
        ObjectMetadata metadata = readMetadata(key, response);
        return Optional.of(new StoredObject(key, response.size(), metadata.sha256(), unquote(response.etag()),
                response.lastModified().toInstant(), metadata));
    }

    @Override
    public InputStream open(String key) {
        ObjectKeys.requireValid(key);
        try {
            return client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            throw S3Errors.map("open " + key, e);
        }
    }

    @Override
    public void delete(String key) {
        ObjectKeys.requireValid(key);
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
        } catch (Exception e) {
            if (!S3Errors.isNotFound(e)) {
                throw S3Errors.map("delete " + key, e);
            }
        }
    }

    /** A presigned GET URL valid for {@code ttl} (1 second to 7 days), computed locally without a request. */
    @Override
    public URI downloadUrl(String key, Duration ttl) {
        ObjectKeys.requireValid(key);
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_PRESIGN_TTL) > 0) {
            throw new IllegalArgumentException("presigned URL lifetime must be 1 s to 7 days: " + ttl);
        }
        try {
            return URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET)
                    .bucket(bucket)
                    .object(key)
                    .expiry((int) ttl.toSeconds())
                    .build()));
        } catch (Exception e) {
            throw S3Errors.map("presign " + key, e);
        }
    }

    /** Asks whether the bucket exists; any answer (yes or no) means the service is up. */
    @Override
    public boolean isAvailable() {
        try {
            client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build());
            return true;
        } catch (Exception e) {
            LOG.debug("S3 bucket {} not available: {}", bucket, e.toString());
            return false;
        }
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        synchronized (this) {
            if (bucketReady) {
                return;
            }
            try {
                if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                    client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
                    LOG.info("created S3 bucket {}", bucket);
                }
            } catch (ErrorResponseException e) {
                if (!BUCKET_EXISTS_CODES.contains(e.errorResponse().code())) {
                    throw S3Errors.map("create bucket " + bucket, e);
                }
            } catch (Exception e) {
                throw S3Errors.map("create bucket " + bucket, e);
            }
            bucketReady = true;
        }
    }

    private ObjectMetadata readMetadata(String key, StatObjectResponse response) {
        String contentType = response.contentType() == null ? "application/octet-stream" : response.contentType();
        try {
            return ObjectMetadata.fromHeaders(contentType, response.userMetadata());
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring malformed metadata of {}/{}: {}", bucket, key, e.getMessage());
            return ObjectMetadata.of(contentType);
        }
    }

    private static InputStream openLocal(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw ObjectStoreException.localIo("cannot read " + file, e);
        }
    }

    private static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
