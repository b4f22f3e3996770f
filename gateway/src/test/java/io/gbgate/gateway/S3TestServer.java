package io.gbgate.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;

/**
 * A real S3 server for gateway tests: S3Proxy over jclouds' in-memory blob store on a free port of 127.0.0.1 with
 * AWS signature checking. It can be stopped and started again on the same port with the same contents, to play an
 * outage (same approach as storage's InProcessS3Server, which is not visible from this module).
 */
public final class S3TestServer implements AutoCloseable {
    public static final String ACCESS_KEY = "gbgate-it-access";
    public static final String SECRET_KEY = "gbgate-it-secret-0123456789";
    public static final String REGION = "us-east-1";

    private final BlobStoreContext context;
    private final URI endpoint;
    private S3Proxy proxy;

    private S3TestServer(BlobStoreContext context, URI endpoint) {
        this.context = context;
        this.endpoint = endpoint;
    }

    /** Starts a server on a free loopback port. */
    public static S3TestServer start() {
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(ACCESS_KEY, SECRET_KEY).build(BlobStoreContext.class);
        S3TestServer server = new S3TestServer(context, URI.create("http://127.0.0.1:" + freePort()));
        server.resume();
        return server;
    }

    public String endpoint() {
        return endpoint.toString();
    }

    /** Keys in {@code bucket} starting with {@code prefix} (empty when the bucket does not exist). */
    public List<String> keys(String bucket, String prefix) {
        BlobStore store = context.getBlobStore();
        if (!store.containerExists(bucket)) {
            return List.of();
        }
        return store.list(bucket, ListContainerOptions.Builder.prefix(prefix).recursive()).stream()
                .map(StorageMetadata::getName).toList();
    }

    /** The user metadata of an object. */
    public Map<String, String> userMetadata(String bucket, String key) {
        return context.getBlobStore().blobMetadata(bucket, key).getUserMetadata();
    }

    /** Stops listening (connections are refused) but keeps the contents. */
    public synchronized void pause() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("in-process S3 server did not stop", e);
        }
        proxy = null;
    }

    /** Listens again on the same port with the same contents. */
    public synchronized void resume() {
        S3Proxy fresh = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).jettyMaxThreads(16).build();
        try {
            fresh.start();
        } catch (Exception e) {
            throw new IllegalStateException("in-process S3 server (s3proxy) failed to start on " + endpoint, e);
        }
        if (!"STARTED".equals(fresh.getState())) {
            throw new IllegalStateException("in-process S3 server (s3proxy) is " + fresh.getState());
        }
        proxy = fresh;
    }

    @Override
    public synchronized void close() {
        if (proxy != null) {
            pause();
        }
        context.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
