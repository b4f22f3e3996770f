package io.gbgate.media.webrtc.dtls;

import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DTLS server side of one WebRTC session. The network thread hands it DTLS datagrams with
 * {@link #onDatagram}; the handshake and, after it, the processing of late records (a retransmitted
 * client Finished, close_notify) run as tasks on a caller-supplied bounded executor, so the
 * event loop never blocks.
 */
public final class DtlsSrtpEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtlsSrtpEndpoint.class);
    private static final long HANDSHAKE_DEADLINE_SECONDS = 15;
    private static final int POLL_MILLIS = 1;

    private final DtlsSrtpServer server;
    private final QueuedDatagramTransport transport;
    private final Executor executor;
    private final CompletableFuture<DtlsSrtpKeys> keys = new CompletableFuture<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicLong applicationDatagrams = new AtomicLong();
    private volatile DTLSTransport dtls;

    /**
     * @param identity          this server's certificate and key
     * @param remoteFingerprint the fingerprint from the offer the client certificate must match
     * @param output            where datagrams to the peer go
     * @param sendLimit         largest datagram to send
     * @param executor          bounded executor for the handshake and record processing
     */
    public DtlsSrtpEndpoint(DtlsIdentity identity, CertificateFingerprint remoteFingerprint, DatagramOutput output,
                            int sendLimit, Executor executor) {
        this.server = new DtlsSrtpServer(new BcTlsCrypto(new SecureRandom()), identity, remoteFingerprint);
        this.transport = new QueuedDatagramTransport(output, sendLimit);
        this.executor = executor;
    }

    /** Completes with the SRTP keys when the handshake succeeds, exceptionally when it fails or times out. */
    public CompletableFuture<DtlsSrtpKeys> keys() {
        return keys;
    }

    /** Completes with a reason when the DTLS association ends (failure, close_notify, {@link #close}). */
    public CompletableFuture<String> closed() {
        return closed;
    }

    /** Datagrams that could not be queued (queue full or too large). */
    public long droppedDatagrams() {
        return transport.droppedDatagrams();
    }

    /** Application data records received after the handshake (no data channel is offered: ignored). */
    public long applicationDatagrams() {
        return applicationDatagrams.get();
    }

    /**
     * Takes one DTLS datagram from the network (the caller keeps its buffer). The first one starts
     * the handshake.
     */
    public void onDatagram(ByteBuf datagram) {
        if (closed.isDone() || !transport.offer(datagram)) {
            return;
        }
        if (started.compareAndSet(false, true)) {
            submit(this::handshake);
        } else if (dtls != null && drainScheduled.compareAndSet(false, true)) {
            submit(this::drain);
        }
    }

    private void handshake() {
        keys.orTimeout(HANDSHAKE_DEADLINE_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close("DTLS handshake failed: " + failure);
                    }
                });
        try {
            DTLSServerProtocol protocol = new DTLSServerProtocol();
            protocol.setVerifyRequests(false); // the peer's address is already verified by ICE
            dtls = protocol.accept(server, transport);
            keys.complete(server.keys());
            if (transport.hasPending() && drainScheduled.compareAndSet(false, true)) {
                drain();
            }
        } catch (IOException | RuntimeException e) {
            keys.completeExceptionally(e);
        }
    }

    private void drain() {
        byte[] buffer = new byte[QueuedDatagramTransport.RECEIVE_LIMIT];
        try {
            do {
                drainScheduled.set(false);
                while (!closed.isDone() && dtls.receive(buffer, 0, buffer.length, POLL_MILLIS) >= 0) {
                    applicationDatagrams.incrementAndGet();
                }
            } while (transport.hasPending() && drainScheduled.compareAndSet(false, true));
            if (transport.isClosed()) {
                // BouncyCastle handled the peer's close_notify inside receive (which then returns -1)
                // and closed our transport: the association is over even though nothing was thrown
                close("DTLS association ended: the peer closed it");
            }
        } catch (IOException | RuntimeException e) {
            close("DTLS association ended: " + e.getMessage());
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            keys.completeExceptionally(e);
            close("DTLS executor is saturated");
        }
    }

    /** Ends the association: no close_notify is sent (the peer learns from ICE consent or RTCP BYE). */
    public void close(String reason) {
        if (closed.complete(reason)) {
            log.debug("DTLS endpoint closed: {}", reason);
            keys.completeExceptionally(new IOException(reason));
            transport.close();
        }
    }

    @Override
    public void close() {
        close("closed");
    }
}
