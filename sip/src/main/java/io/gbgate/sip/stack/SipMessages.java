package io.gbgate.sip.stack;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import java.text.ParseException;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WarningHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Builds SIP requests and responses from typed values with the jain-sip factories
 * (no SIP text is assembled by hand).
 */
public final class SipMessages {

    /** Warning code 399 "miscellaneous warning" used to explain refusals. */
    public static final int WARN_MISC = 399;

    private final SipProvider provider;
    private final HeaderFactory headers = new HeaderFactoryImpl();
    private final AddressFactory addresses = new AddressFactoryImpl();
    private final MessageFactory messages = new MessageFactoryImpl();

    SipMessages(SipProvider provider) {
        this.provider = provider;
    }

    /** Header factory of this endpoint. */
    public HeaderFactory headers() {
        return headers;
    }

    /** Address factory of this endpoint. */
    public AddressFactory addresses() {
        return addresses;
    }

    /** Message factory of this endpoint. */
    public MessageFactory messageFactory() {
        return messages;
    }

    /** A fresh Call-ID from the provider. */
    public CallIdHeader newCallId() {
        return provider.getNewCallId();
    }

    /** A random tag for From/To headers. */
    public static String newTag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /**
     * {@code sip:user@host:port[;transport=t]}.
     *
     * @param transport transport parameter, or {@code null} to omit it
     */
    public SipURI sipUri(String user, String host, int port, SipTransport transport) {
        try {
            SipURI uri = addresses.createSipURI(user, host);
            if (port > 0) {
                uri.setPort(port);
            }
            if (transport != null) {
                uri.setTransportParam(transport.token());
            }
            return uri;
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid SIP URI parts " + user + "@" + host, e);
        }
    }

    /** Name-addr for {@code uri}. */
    public Address address(SipURI uri) {
        return addresses.createAddress(uri);
    }

    /** Starts a request of {@code method} to {@code requestUri}. */
    public SipRequestBuilder request(String method, SipURI requestUri) {
        return new SipRequestBuilder(headers, messages, method, requestUri);
    }

    /** A response to {@code request} with the standard reason phrase. */
    public Response response(Request request, int status) {
        try {
            return messages.createResponse(status, request);
        } catch (ParseException e) {
            throw new IllegalArgumentException("cannot answer " + request.getMethod() + " with " + status, e);
        }
    }

    /** A response to {@code request} with a custom reason phrase. */
    public Response response(Request request, int status, String reason) {
        Response response = response(request, status);
        try {
            response.setReasonPhrase(reason);
            return response;
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid reason phrase: " + reason, e);
        }
    }

    /**
     * A refusal carrying {@code reason} both as reason phrase and as a 399 Warning header
     * naming {@code agentHost}.
     */
    public Response refusal(Request request, int status, String reason, String agentHost) {
        Response response = response(request, status, reason);
        try {
            WarningHeader warning = headers.createWarningHeader(agentHost, WARN_MISC, reason);
            response.addHeader(warning);
            return response;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("invalid warning text: " + reason, e);
        }
    }

    /** Content-Type header {@code type/subtype}. */
    public ContentTypeHeader contentType(String type, String subtype) {
        try {
            return headers.createContentTypeHeader(type, subtype);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid content type " + type + "/" + subtype, e);
        }
    }
}
