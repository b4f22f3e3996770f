/**
 * Object storage for recorded clips and snapshots.
 *
 * <p>{@link io.gbgate.storage.object.ObjectStore} is the one interface, implemented by
 * {@link io.gbgate.storage.object.LocalFileObjectStore} (a directory, atomic writes, sidecar JSON metadata) and
 * {@link io.gbgate.storage.object.S3ObjectStore} (any S3-compatible service through minio-java). Every stored
 * object carries the SHA-256 of its content in its metadata, so an upload can be confirmed, and repeated without
 * sending the bytes twice, by {@link io.gbgate.storage.object.RetryingUploader}, which keeps retrying with
 * backoff while the store is down and deletes the local file only after the store confirmed the object.
 */
package io.gbgate.storage.object;
