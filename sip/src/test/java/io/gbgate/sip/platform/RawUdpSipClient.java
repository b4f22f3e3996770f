package io.gbgate.sip.platform;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Test helper: sends one SIP request built with the jain-sip factories as a raw UDP datagram and
 * parses the answer, bypassing any stack (so malformed bodies reach the platform untouched).
 */
final class RawUdpSipClient implements AutoCloseable {

    private final DatagramSocket socket;
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final MessageFactoryImpl messages = new MessageFactoryImpl();

    RawUdpSipClient() throws Exception {
        socket = new DatagramSocket(new InetSocketAddress(GbFixture.HOST, 0));
        socket.setSoTimeout(10_000);
    }

    /** A MANSCDP MESSAGE from {@code fromUser} to the platform at {@code port}. */
    Request manscdpMessage(String fromUser, int port, byte[] body) throws Exception {
        SipURI target = addresses.createSipURI(GbFixture.PLATFORM_ID, GbFixture.HOST);
        target.setPort(port);
        var via = headers.createViaHeader(GbFixture.HOST, socket.getLocalPort(), "udp",
                "z9hG4bK" + UUID.randomUUID().toString().replace("-", ""));
        via.setRPort();
        Request request = messages.createRequest(target, Request.MESSAGE,
                headers.createCallIdHeader(UUID.randomUUID().toString()),
                headers.createCSeqHeader(1L, Request.MESSAGE),
                headers.createFromHeader(addresses.createAddress(addresses.createSipURI(fromUser, GbFixture.DOMAIN)),
                        "rawtag"),
                headers.createToHeader(addresses.createAddress(
                        addresses.createSipURI(GbFixture.PLATFORM_ID, GbFixture.DOMAIN)), null),
                List.of(via), headers.createMaxForwardsHeader(70));
        request.setContent(body, headers.createContentTypeHeader("Application", "MANSCDP+xml"));
        return request;
    }

    /** Sends the request and waits for the final response. */
    Response exchange(Request request, int port) throws Exception {
        byte[] out = request.toString().getBytes(StandardCharsets.UTF_8);
        socket.send(new DatagramPacket(out, out.length, new InetSocketAddress(GbFixture.HOST, port)));
        while (true) {
            byte[] in = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(in, in.length);
            socket.receive(packet);
            Response response = messages.createResponse(
                    new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8));
            if (response.getStatusCode() >= 200) {
                return response;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
