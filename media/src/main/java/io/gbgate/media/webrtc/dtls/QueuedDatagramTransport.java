package io.gbgate.media.webrtc.dtls;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.tls.DatagramTransport;

/**
 * A bctls {@link DatagramTransport} fed by the network thread: {@link #offer} copies an arriving
 * datagram into a bounded queue (never blocking; a full queue drops and counts), and the
 * handshake thread takes them in {@link #receive}. Sending goes straight to a {@link DatagramOutput}.
 */
public final class QueuedDatagramTransport implements DatagramTransport {
    /** Largest datagram accepted; DTLS records from browsers stay well below it. */
    static final int RECEIVE_LIMIT = 1500;
    private static final int QUEUE_CAPACITY = 64;

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final DatagramOutput output;
    private final int sendLimit;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param output    where sent datagrams go
     * @param sendLimit largest datagram to send (path MTU minus IP and UDP headers)
     */
    public QueuedDatagramTransport(DatagramOutput output, int sendLimit) {
        this.output = output;
        this.sendLimit = sendLimit;
    }

    /** Queues a copy of {@code datagram}'s readable bytes; the caller keeps ownership of the buffer. */
    public boolean offer(ByteBuf datagram) {
        if (closed || datagram.readableBytes() > RECEIVE_LIMIT) {
            dropped.incrementAndGet();
            return false;
        }
        byte[] copy = new byte[datagram.readableBytes()];
        datagram.getBytes(datagram.readerIndex(), copy);
        if (!inbound.offer(copy)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Datagrams refused because the queue was full, the transport closed, or they were too large. */
    public long droppedDatagrams() {
        return dropped.get();
    }

    /** True when datagrams wait to be received. */
    public boolean hasPending() {
        return !inbound.isEmpty();
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return sendLimit;
    }

    /** Waits up to {@code waitMillis} for a datagram; -1 on timeout, an exception once closed. */
    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram;
        try {
            datagram = inbound.poll(Math.max(waitMillis, 0), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for DTLS data", e);
        }
        if (datagram == null) {
            return -1;
        }
        int length = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, length);
        return length;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        output.send(buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
        inbound.clear();
    }

    /** True once closed, by us or by BouncyCastle when the peer's close_notify arrived. */
    public boolean isClosed() {
        return closed;
    }
}
