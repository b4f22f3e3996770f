package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpCodec;
import io.gbgate.sip.manscdp.MediaStatusNotify;
import io.gbgate.sip.mansrtsp.MansrtspCodec;
import io.gbgate.sip.mansrtsp.MansrtspException;
import io.gbgate.sip.mansrtsp.MansrtspPause;
import io.gbgate.sip.mansrtsp.MansrtspPlay;
import io.gbgate.sip.mansrtsp.MansrtspRequest;
import io.gbgate.sip.mansrtsp.MansrtspTeardown;
import io.gbgate.sip.sdp.GbSdp;
import io.gbgate.sip.sdp.GbSdpBuilder;
import io.gbgate.sip.sdp.GbSdpCodec;
import io.gbgate.sip.sdp.SdpException;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import io.gbgate.sip.stack.SipMessages;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.address.SipURI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.SubjectHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE server side of the device: asks the {@link MediaSessionFactory} (live, playback or
 * download offer), answers 200 with the SDP answer (its own y= SSRC) or the factory's rejection
 * status, starts the session on ACK, passes MANSRTSP playback control from INFO to it, stops it on
 * BYE, CANCEL or TEARDOWN, reports end of file and hangs up on request.
 */
final class DeviceCallHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceCallHandler.class);

    private final SipDeviceConfig config;
    private final SipEndpoint endpoint;
    private final ServerRequests requests;
    private final MediaSessionFactory factory;
    private final Map<String, DeviceCall> calls = new ConcurrentHashMap<>();

    DeviceCallHandler(SipDeviceConfig config, SipEndpoint endpoint, ServerRequests requests,
                      MediaSessionFactory factory) {
        this.config = config;
        this.endpoint = endpoint;
        this.requests = requests;
        this.factory = factory;
    }

    void handleInvite(RequestEvent event) {
        ServerTransaction st = endpoint.serverTransaction(event).orElse(null);
        if (st == null) {
            return;
        }
        Request request = event.getRequest();
        String callId = callId(request);
        String channelId = ((SipURI) request.getRequestURI()).getUser();
        GbSdp sdp;
        try {
            byte[] body = request.getRawContent();
            sdp = GbSdpCodec.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
        } catch (SdpException e) {
            endpoint.respond(st, endpoint.messages().response(request, Response.NOT_ACCEPTABLE_HERE, "Bad SDP"));
            return;
        }
        SubjectHeader subject = (SubjectHeader) request.getHeader(SubjectHeader.NAME);
        MediaOffer offer;
        try {
            offer = MediaOffers.of(callId, channelId, sdp, subject == null ? null : subject.getSubject());
        } catch (IllegalArgumentException e) {
            LOG.info("device {} refuses INVITE {}: {}", config.deviceId(), callId, e.getMessage());
            endpoint.respond(st, tagged(endpoint.messages().response(request, Response.NOT_ACCEPTABLE_HERE,
                    "Unsupported offer")));
            return;
        }
        endpoint.respond(st, endpoint.messages().response(request, Response.TRYING));
        DeviceCall call = new DeviceCall(callId, offer, st);
        calls.put(callId, call);
        CompletableFuture<MediaSession> opened;
        try {
            opened = factory.open(offer).toCompletableFuture();
        } catch (RuntimeException e) {
            opened = CompletableFuture.failedFuture(e);
        }
        opened.whenComplete((session, error) -> answer(call, offer, session, error));
    }

    private void answer(DeviceCall call, MediaOffer offer, MediaSession session, Throwable error) {
        Request request = call.invite().getRequest();
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            int status = cause instanceof MediaRejectedException rejected
                    ? rejected.statusCode() : Response.SERVER_INTERNAL_ERROR;
            if (calls.remove(call.callId(), call) && call.end()) {
                endpoint.respond(call.invite(), tagged(endpoint.messages().response(request, status)));
            }
            return;
        }
        if (!call.answered(session, call.invite().getDialog())) {
            session.stop();
            return;
        }
        Response ok = tagged(endpoint.messages().response(request, Response.OK));
        ok.addHeader(endpoint.messages().headers().createContactHeader(requests.contact()));
        try {
            ok.setContent(GbSdpCodec.format(answerSdp(offer, session.answer())).getBytes(StandardCharsets.UTF_8),
                    endpoint.messages().contentType("APPLICATION", "SDP"));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        endpoint.respond(call.invite(), ok);
    }

    private static GbSdp answerSdp(MediaOffer offer, MediaAnswer answer) {
        GbSdpBuilder builder = GbSdp.builder()
                .origin(offer.channelId(), answer.localIp())
                .sessionName(offer.sdp().sessionName())
                .connectionAddress(answer.localIp())
                .media("video", answer.localPort(), offer.sdp().mediaTransport())
                .payload(96, "PS/90000")
                .direction("sendonly")
                .ssrc(answer.ssrc());
        return switch (offer.transport()) {
            case UDP -> builder.build();
            case TCP_PASSIVE -> builder.tcpSetup("active", "new").build();
            case TCP_ACTIVE -> builder.tcpSetup("passive", "new").build();
        };
    }

    /** {@code response} with a To tag (added when the request had none). */
    static Response tagged(Response response) {
        ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
        try {
            if (to.getTag() == null) {
                to.setTag(SipMessages.newTag());
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    void handleAck(RequestEvent event) {
        DeviceCall call = calls.get(callId(event.getRequest()));
        MediaSession session = call == null ? null : call.session();
        if (session != null) {
            session.start();
        }
    }

    /**
     * INFO with a MANSRTSP body in a call: PAUSE, PLAY (resume, seek with Range, speed with Scale) or
     * TEARDOWN reach the session; 481 for unknown calls, 400 for bodies that do not parse.
     */
    void handleInfo(RequestEvent event) {
        Request request = event.getRequest();
        DeviceCall call = calls.get(callId(request));
        MediaSession session = call == null ? null : call.session();
        if (session == null) {
            endpoint.respond(event, endpoint.messages().response(request, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST));
            return;
        }
        MansrtspRequest control;
        try {
            control = MansrtspCodec.decode(request.getRawContent());
        } catch (MansrtspException e) {
            endpoint.respond(event, endpoint.messages().refusal(request, Response.BAD_REQUEST, "Bad MANSRTSP body",
                    config.localHost()));
            return;
        }
        if (control instanceof MansrtspPause) {
            session.pause();
        } else if (control instanceof MansrtspPlay play) {
            boolean seek = play.range() != null && !play.range().isNow() && play.range().startSeconds() != null;
            if (seek) {
                session.seek(play.range().startSeconds());
            }
            if (play.scale() != null) {
                session.scale(play.scale());
            }
            if (!seek && play.scale() == null) {
                session.resume();
            }
        } else if (control instanceof MansrtspTeardown && calls.remove(call.callId(), call)) {
            call.end();
        }
        // answered after the session applied the control, so the platform's next control comes after it
        endpoint.respond(event, endpoint.messages().response(request, Response.OK));
    }

    /**
     * Sends MediaStatus NotifyType 121 (end of file) for a history call, in the call's dialog.
     *
     * @return completes when the platform answered 2xx
     */
    CompletableFuture<Void> fileEnded(String callId, long sn) {
        DeviceCall call = calls.get(callId);
        if (call == null || call.dialog() == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no established call " + callId));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            Request message = call.dialog().createRequest(Request.MESSAGE);
            message.setContent(ManscdpCodec.encode(MediaStatusNotify.fileEnd(sn, call.channelId())),
                    endpoint.messages().contentType(ManscdpCodec.CONTENT_TYPE_TYPE, ManscdpCodec.CONTENT_SUBTYPE));
            sendInDialog(call, message, done);
        } catch (SipException | ParseException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    void handleBye(RequestEvent event) {
        DeviceCall call = calls.remove(callId(event.getRequest()));
        int status = call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK;
        endpoint.respond(event, endpoint.messages().response(event.getRequest(), status));
        if (call != null) {
            call.end();
        }
    }

    void handleCancel(RequestEvent event) {
        DeviceCall call = calls.remove(callId(event.getRequest()));
        int status = call == null ? Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST : Response.OK;
        endpoint.respond(event, endpoint.messages().response(event.getRequest(), status));
        if (call != null && call.end()) {
            endpoint.respond(call.invite(), tagged(endpoint.messages().response(call.invite().getRequest(),
                    Response.REQUEST_TERMINATED)));
        }
    }

    /** Hangs up the established call of {@code channelId}. */
    CompletableFuture<Void> bye(String channelId) {
        DeviceCall call = calls.values().stream()
                .filter(c -> c.channelId().equals(channelId) && c.dialog() != null)
                .findFirst().orElse(null);
        if (call == null || !calls.remove(call.callId(), call)) {
            return CompletableFuture.failedFuture(new IllegalStateException("no call on channel " + channelId));
        }
        call.end();
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            sendInDialog(call, call.dialog().createRequest(Request.BYE), done);
        } catch (SipException | RuntimeException e) {
            LOG.warn("device {} cannot send BYE: {}", config.deviceId(), e.toString());
            done.completeExceptionally(e);
        }
        return done;
    }

    private void sendInDialog(DeviceCall call, Request request, CompletableFuture<Void> done) throws SipException {
        String method = request.getMethod();
        ClientTransaction ct = endpoint.provider().getNewClientTransaction(request);
        ct.setApplicationData(new ClientTransactionCallback() {
            @Override
            public void onResponse(ResponseEvent event) {
                int status = event.getResponse().getStatusCode();
                if (status >= 300) {
                    done.completeExceptionally(new IllegalStateException(method + " answered " + status));
                } else if (status >= 200) {
                    done.complete(null);
                }
            }

            @Override
            public void onTimeout(TimeoutEvent event) {
                done.completeExceptionally(new IllegalStateException(method + " not answered"));
            }
        });
        call.dialog().sendRequest(ct);
    }

    /** Ends every call without signalling (agent shutdown). */
    void endAll() {
        calls.values().forEach(DeviceCall::end);
        calls.clear();
    }

    private static String callId(Request request) {
        return ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
    }
}
