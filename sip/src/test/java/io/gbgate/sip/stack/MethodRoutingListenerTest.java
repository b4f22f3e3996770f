package io.gbgate.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.sip.stack.MethodRoutingListener.RequestHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;
import javax.sip.header.AllowHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two real jain-sip endpoints on loopback UDP: one routes by method, the other sends it requests. */
class MethodRoutingListenerTest {
    private static final String HOST = "127.0.0.1";

    private SipEndpoint server;
    private SipEndpoint client;

    @BeforeEach
    void open() {
        MethodRoutingListener serverListener = new MethodRoutingListener("test server");
        server = SipEndpoint.open(SipEndpointConfig.udpAndTcp("routed", HOST, 0), serverListener);
        Map<String, RequestHandler> routes = new LinkedHashMap<>();
        routes.put(Request.OPTIONS, event -> server.respond(event, server.messages().response(event.getRequest(), 200)));
        routes.put(Request.MESSAGE, event -> {
            throw new IllegalStateException("handler bug");
        });
        serverListener.bind(server, routes);
        MethodRoutingListener clientListener = new MethodRoutingListener("test client");
        client = SipEndpoint.open(SipEndpointConfig.udpAndTcp("sender", HOST, 0), clientListener);
        clientListener.bind(client, Map.of());
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void aRoutedMethodReachesItsHandler() throws Exception {
        assertThat(exchange(Request.OPTIONS).getStatusCode()).isEqualTo(Response.OK);
    }

    @Test
    void aMethodWithoutHandlerGets405ListingTheRoutedMethods() throws Exception {
        Response response = exchange(Request.REFER);
        assertThat(response.getStatusCode()).isEqualTo(Response.METHOD_NOT_ALLOWED);
        List<String> allowed = new ArrayList<>();
        response.getHeaders(AllowHeader.NAME).forEachRemaining(h -> allowed.add(((AllowHeader) h).getMethod()));
        assertThat(allowed).containsExactly(Request.OPTIONS, Request.MESSAGE);
    }

    @Test
    void aHandlerThatThrowsGets500AndTheEndpointKeepsServing() throws Exception {
        assertThat(exchange(Request.MESSAGE).getStatusCode()).isEqualTo(Response.SERVER_INTERNAL_ERROR);
        assertThat(exchange(Request.OPTIONS).getStatusCode()).isEqualTo(Response.OK);
    }

    private Response exchange(String method) throws Exception {
        SipMessages m = client.messages();
        Request request = m.request(method, m.sipUri("34020000002000000001", HOST, server.port(), null))
                .from(m.address(m.sipUri("34020000001320000001", "3402000000", 0, null)), SipMessages.newTag())
                .to(m.address(m.sipUri("34020000002000000001", "3402000000", 0, null)))
                .callId(m.newCallId()).cseq(1).via(HOST, client.port(), SipTransport.UDP)
                .contact(m.address(m.sipUri("34020000001320000001", HOST, client.port(), null)))
                .build();
        CompletableFuture<Response> finalResponse = new CompletableFuture<>();
        client.send(request, new ClientTransactionCallback() {
            @Override
            public void onResponse(ResponseEvent event) {
                if (event.getResponse().getStatusCode() >= 200) {
                    finalResponse.complete(event.getResponse());
                }
            }

            @Override
            public void onTimeout(TimeoutEvent event) {
                finalResponse.completeExceptionally(new AssertionError(method + " timed out"));
            }
        });
        return finalResponse.get(10, TimeUnit.SECONDS);
    }
}
