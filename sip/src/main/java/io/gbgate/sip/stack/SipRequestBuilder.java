package io.gbgate.sip.stack;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;

/**
 * Fluent builder of one out-of-dialog SIP request from typed values. Obtain it from
 * {@link SipMessages#request(String, SipURI)}.
 */
public final class SipRequestBuilder {

    private static final int MAX_FORWARDS = 70;

    private final HeaderFactory headers;
    private final MessageFactory messages;
    private final String method;
    private final SipURI requestUri;
    private final List<Header> extraHeaders = new ArrayList<>();
    private Address from;
    private String fromTag;
    private Address to;
    private CallIdHeader callId;
    private long cseq = 1;
    private String viaHost;
    private int viaPort;
    private SipTransport viaTransport;
    private ContentTypeHeader contentType;
    private byte[] body;

    SipRequestBuilder(HeaderFactory headers, MessageFactory messages, String method, SipURI requestUri) {
        this.headers = headers;
        this.messages = messages;
        this.method = method;
        this.requestUri = requestUri;
    }

    /** From address and tag. */
    public SipRequestBuilder from(Address address, String tag) {
        this.from = address;
        this.fromTag = tag;
        return this;
    }

    /** To address (no tag: out of dialog). */
    public SipRequestBuilder to(Address address) {
        this.to = address;
        return this;
    }

    /** Call-ID header. */
    public SipRequestBuilder callId(CallIdHeader header) {
        this.callId = header;
        return this;
    }

    /** CSeq number. */
    public SipRequestBuilder cseq(long number) {
        this.cseq = number;
        return this;
    }

    /** Via sent-by and transport; the branch is assigned by jain-sip, rport is requested. */
    public SipRequestBuilder via(String host, int port, SipTransport transport) {
        this.viaHost = host;
        this.viaPort = port;
        this.viaTransport = transport;
        return this;
    }

    /** Contact header with {@code address}. */
    public SipRequestBuilder contact(Address address) {
        extraHeaders.add(headers.createContactHeader(address));
        return this;
    }

    /** Expires header in seconds. */
    public SipRequestBuilder expires(int seconds) {
        try {
            extraHeaders.add(headers.createExpiresHeader(seconds));
        } catch (InvalidArgumentException e) {
            throw new IllegalArgumentException("invalid Expires " + seconds, e);
        }
        return this;
    }

    /** Subject header. */
    public SipRequestBuilder subject(String subject) {
        try {
            extraHeaders.add(headers.createSubjectHeader(subject));
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid Subject " + subject, e);
        }
        return this;
    }

    /** Any additional header. */
    public SipRequestBuilder header(Header header) {
        extraHeaders.add(Objects.requireNonNull(header, "header"));
        return this;
    }

    /** Message body and its content type. */
    public SipRequestBuilder body(ContentTypeHeader type, byte[] content) {
        this.contentType = type;
        this.body = content;
        return this;
    }

    /**
     * Builds the request.
     *
     * @throws IllegalStateException when From, To, Call-ID or Via are missing
     */
    public Request build() {
        if (from == null || to == null || callId == null || viaHost == null) {
            throw new IllegalStateException("From, To, Call-ID and Via are required for " + method);
        }
        try {
            ViaHeader via = headers.createViaHeader(viaHost, viaPort, viaTransport.token(), null);
            via.setRPort();
            Request request = messages.createRequest(requestUri, method, callId,
                    headers.createCSeqHeader(cseq, method),
                    headers.createFromHeader(from, fromTag),
                    headers.createToHeader(to, null),
                    List.of(via),
                    headers.createMaxForwardsHeader(MAX_FORWARDS));
            for (Header header : extraHeaders) {
                request.addHeader(header);
            }
            if (body != null) {
                request.setContent(body, contentType);
            }
            return request;
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalArgumentException("cannot build " + method + " to " + requestUri, e);
        }
    }
}
