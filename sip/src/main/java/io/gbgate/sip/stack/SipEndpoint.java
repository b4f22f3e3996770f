package io.gbgate.sip.stack;

import gov.nist.javax.sip.SipStackImpl;
import java.io.IOException;
import java.net.DatagramSocket;
import java.util.ConcurrentModificationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionUnavailableException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import javax.sip.ObjectInUseException;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One jain-sip stack with one provider listening on UDP and/or TCP on the same port.
 *
 * <p>Stacks are created directly (not through the process-wide {@code SipFactory} cache) with a
 * unique STACK_NAME, so several endpoints can live in one JVM; logging goes to SLF4J through
 * {@link Slf4jStackLogger} and {@link Slf4jServerLogger}.
 */
public final class SipEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipEndpoint.class);
    private static final AtomicLong STACK_COUNTER = new AtomicLong();
    private static final int PORT_ATTEMPTS = 20;
    private static final int DELETE_ATTEMPTS = 100;

    private final SipStackImpl stack;
    private final JainSipThreads threads;
    private final SipProvider provider;
    private final Map<SipTransport, ListeningPoint> listeningPoints;
    private final SipMessages messages;
    private final String host;
    private final int port;

    private SipEndpoint(SipStackImpl stack, JainSipThreads threads, SipProvider provider,
                        Map<SipTransport, ListeningPoint> listeningPoints, String host, int port) {
        this.stack = stack;
        this.threads = threads;
        this.provider = provider;
        this.listeningPoints = listeningPoints;
        this.host = host;
        this.port = port;
        this.messages = new SipMessages(provider);
    }

    /**
     * Creates and starts a stack, binds the listening points and registers {@code listener}.
     *
     * @throws SipStackStartException when the stack or a listening point cannot be created
     */
    public static SipEndpoint open(SipEndpointConfig config, SipListener listener) {
        String name = config.namePrefix() + "-" + STACK_COUNTER.incrementAndGet();
        int port = config.port() != 0 ? config.port() : findPortFreeForUdpAndTcp(config.bindHost());
        JainSipThreads threads = new JainSipThreads(name);
        SipStackImpl stack;
        try {
            stack = threads.callInGroup(() -> new SipStackImpl(stackProperties(name, config)));
        } catch (Exception e) {
            throw new SipStackStartException("cannot create SIP stack " + name, e);
        }
        try {
            Map<SipTransport, ListeningPoint> points = new EnumMap<>(SipTransport.class);
            SipProvider provider = threads.callInGroup(() -> listen(stack, config, port, points));
            provider.addSipListener(listener);
            LOG.info("SIP stack {} listening on {}:{} {}", name, config.bindHost(), port, points.keySet());
            return new SipEndpoint(stack, threads, provider, points, config.bindHost(), port);
        } catch (Exception e) {
            stack.stop();
            threads.interruptEventScanner();
            throw new SipStackStartException("cannot listen on " + config.bindHost() + ":" + port
                    + " for SIP stack " + name, e);
        }
    }

    private static SipProvider listen(SipStackImpl stack, SipEndpointConfig config, int port,
                                      Map<SipTransport, ListeningPoint> points) throws Exception {
        SipProvider provider = null;
        for (SipTransport transport : config.transports()) {
            ListeningPoint lp = stack.createListeningPoint(config.bindHost(), port, transport.token());
            points.put(transport, lp);
            if (provider == null) {
                provider = stack.createSipProvider(lp);
            } else {
                provider.addListeningPoint(lp);
            }
        }
        stack.start();
        return provider;
    }

    private static Properties stackProperties(String name, SipEndpointConfig config) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name);
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "DEBUG");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(config.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "4");
        return p;
    }

    private static int findPortFreeForUdpAndTcp(String bindHost) {
        IOException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            try (ServerSocket tcp = new ServerSocket()) {
                InetAddress address = InetAddress.getByName(bindHost);
                tcp.bind(new InetSocketAddress(address, 0));
                int candidate = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, candidate))) {
                    return candidate;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw new SipStackStartException("no port free for both UDP and TCP on " + bindHost, last);
    }

    /** The provider that sends requests and responses. */
    public SipProvider provider() {
        return provider;
    }

    /** Request/response builder bound to this endpoint. */
    public SipMessages messages() {
        return messages;
    }

    /** Local bind host. */
    public String host() {
        return host;
    }

    /** Port shared by all listening points. */
    public int port() {
        return port;
    }

    /** Whether the endpoint listens on {@code transport}. */
    public boolean supports(SipTransport transport) {
        return listeningPoints.containsKey(transport);
    }

    /** jain-sip stack name, unique in the JVM. */
    public String stackName() {
        return stack.getStackName();
    }

    /**
     * Sends {@code request} in a new client transaction whose events go to {@code callback}.
     *
     * @throws SipException when jain-sip cannot create or send the transaction (e.g. no route)
     */
    public ClientTransaction send(Request request, ClientTransactionCallback callback) throws SipException {
        ClientTransaction transaction = provider.getNewClientTransaction(request);
        transaction.setApplicationData(callback);
        transaction.sendRequest();
        return transaction;
    }

    /**
     * The server transaction of {@code event}, created when jain-sip did not create one yet.
     *
     * @return empty for a retransmission whose transaction already exists or a request that cannot
     *         get a transaction (ACK); the caller then drops it
     */
    public Optional<ServerTransaction> serverTransaction(RequestEvent event) {
        if (event.getServerTransaction() != null) {
            return Optional.of(event.getServerTransaction());
        }
        try {
            return Optional.of(provider.getNewServerTransaction(event.getRequest()));
        } catch (TransactionAlreadyExistsException e) {
            LOG.debug("retransmitted {} dropped", event.getRequest().getMethod());
            return Optional.empty();
        } catch (TransactionUnavailableException e) {
            LOG.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Answers the request of {@code event} statefully; failures to send are logged, not thrown. */
    public void respond(RequestEvent event, Response response) {
        serverTransaction(event).ifPresent(st -> respond(st, response));
    }

    /** Sends {@code response} on {@code transaction}; failures to send are logged, not thrown. */
    public void respond(ServerTransaction transaction, Response response) {
        try {
            transaction.sendResponse(response);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("cannot send {} {} response: {}", response.getStatusCode(),
                    transaction.getRequest().getMethod(), e.toString());
        }
    }

    /**
     * jain-sip's UDP processor creates and fills its channel list on its own threads; stopping it
     * before or while they run throws a NullPointerException or a ConcurrentModificationException
     * (jain-sip 1.3.0-91 iterates that list unsynchronized), so deletion is retried briefly.
     */
    private void deleteListeningPoint(ListeningPoint lp) {
        for (int attempt = 1; ; attempt++) {
            try {
                stack.deleteListeningPoint(lp);
                return;
            } catch (ObjectInUseException e) {
                LOG.debug("listening point of {} still in use at close", stack.getStackName(), e);
                return;
            } catch (NullPointerException | ConcurrentModificationException e) {
                if (attempt >= DELETE_ATTEMPTS) {
                    LOG.warn("listening point {} of {} did not stop", lp.getTransport(), stack.getStackName(), e);
                    return;
                }
                sleepBeforeRetry();
            }
        }
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes the provider and listening points and stops the stack and its threads. */
    @Override
    public void close() {
        try {
            stack.deleteSipProvider(provider);
        } catch (ObjectInUseException e) {
            LOG.debug("provider of {} still in use at close", stack.getStackName(), e);
        }
        for (ListeningPoint lp : listeningPoints.values()) {
            deleteListeningPoint(lp);
        }
        stack.stop();
        threads.interruptEventScanner();
        LOG.info("SIP stack {} stopped", stack.getStackName());
    }
}
