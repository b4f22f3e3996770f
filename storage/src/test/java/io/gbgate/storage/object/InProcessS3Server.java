package io.gbgate.storage.object;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * A real S3 server for tests: S3Proxy over jclouds' in-memory "transient" blob store, listening on a free port
 * of 127.0.0.1 with AWS V2/V4 signature checking. It can be stopped and started again on the same port with the
 * same contents, to play an S3 outage.
 */
final class InProcessS3Server implements AutoCloseable {

    static final String ACCESS_KEY = "gbgate-test-access";
    static final String SECRET_KEY = "gbgate-test-secret-0123456789";
    static final String REGION = "us-east-1";

    private final BlobStoreContext context;
    private final URI endpoint;
    private S3Proxy proxy;

    private InProcessS3Server(BlobStoreContext context, URI endpoint) {
        this.context = context;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @throws IllegalStateException with the cause when the server cannot start (a required test component)
     */
    static InProcessS3Server start() {
        BlobStoreContext context = ContextBuilder.newBuilder(new TransientApiMetadata())
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build(BlobStoreContext.class);
        InProcessS3Server server = new InProcessS3Server(context, URI.create("http://127.0.0.1:" + freePort()));
        server.resume();
        return server;
    }

    /** The endpoint URL, {@code http://127.0.0.1:<port>}. */
    String endpoint() {
        return endpoint.toString();
    }

    /** The blob store behind the server, to look at buckets directly. */
    BlobStore blobStore() {
        return context.getBlobStore();
    }

    /** A store on this server for {@code bucket}. */
    S3ObjectStore store(String bucket) {
        return new S3ObjectStore(endpoint(), ACCESS_KEY, SECRET_KEY, bucket, REGION);
    }

    /** Stops listening (connections are refused) but keeps the contents. */
    synchronized void pause() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("in-process S3 server did not stop", e);
        }
        proxy = null;
    }

    /** Listens again on the same port with the same contents. */
    synchronized void resume() {
        S3Proxy fresh = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .jettyMaxThreads(16)
                .build();
        try {
            fresh.start();
        } catch (Exception e) {
            throw new IllegalStateException("in-process S3 server (s3proxy) failed to start on " + endpoint, e);
        }
        if (!"STARTED".equals(fresh.getState())) {
            throw new IllegalStateException("in-process S3 server (s3proxy) is " + fresh.getState() + " on "
                    + endpoint);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port for the S3 server", e);
        }
    }
}
