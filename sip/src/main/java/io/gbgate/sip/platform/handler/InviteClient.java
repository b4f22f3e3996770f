package io.gbgate.sip.platform.handler;

import io.gbgate.sip.platform.DeviceCommandException;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.platform.InviteAnswer;
import io.gbgate.sip.platform.InviteException;
import io.gbgate.sip.platform.InviteException.Stage;
import io.gbgate.sip.platform.InviteRequest;
import io.gbgate.sip.platform.RegisteredDevice;
import io.gbgate.sip.platform.SessionType;
import io.gbgate.sip.platform.SipPlatformConfig;
import io.gbgate.sip.sdp.GbSdp;
import io.gbgate.sip.sdp.GbSdpBuilder;
import io.gbgate.sip.sdp.GbSdpCodec;
import io.gbgate.sip.sdp.GbSdpOffers;
import io.gbgate.sip.sdp.Ssrc;
import io.gbgate.sip.stack.ClientTransactionCallback;
import io.gbgate.sip.stack.SipEndpoint;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.TimeoutEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE client side of the platform: sends the SDP offer (live, playback or download) with the GB28181 Subject
 * ({@code channelId:ssrc,platformId:0}), ACKs the 200 OK, gives up after the INVITE timeout
 * (NO_ANSWER) and keeps the established calls for BYE in both directions.
 */
public final class InviteClient {

    private static final Logger LOG = LoggerFactory.getLogger(InviteClient.class);
    /** SDP attribute with the download speed factor. */
    public static final String DOWNLOAD_SPEED_ATTRIBUTE = "downloadspeed";

    private final SipPlatformConfig config;
    private final SipEndpoint endpoint;
    private final DeviceRequests requests;
    private final DeviceRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final DialogRequests dialogs;
    private final Map<String, ActiveCall> calls = new ConcurrentHashMap<>();

    /** Creates the client. */
    public InviteClient(SipPlatformConfig config, SipEndpoint endpoint, DeviceRequests requests,
                        DeviceRegistry registry, ScheduledExecutorService scheduler, DialogRequests dialogs) {
        this.dialogs = dialogs;
        this.config = config;
        this.endpoint = endpoint;
        this.requests = requests;
        this.registry = registry;
        this.scheduler = scheduler;
    }

    /** Sends the INVITE; see {@link io.gbgate.sip.platform.SipPlatform#invite}. */
    public CompletableFuture<InviteAnswer> invite(InviteRequest invite) {
        Optional<RegisteredDevice> device = registry.get(invite.deviceId());
        if (device.isEmpty()) {
            return CompletableFuture.failedFuture(new InviteException(Stage.NOT_SENT,
                    "device " + invite.deviceId() + " is not registered"));
        }
        GbSdp offer = offer(invite);
        Request request = requests.request(Request.INVITE, device.get(), invite.channelId())
                .contact(requests.contact(device.get()))
                .subject(invite.channelId() + ":" + invite.ssrc() + "," + config.id() + ":0")
                .body(endpoint.messages().contentType("APPLICATION", "SDP"),
                        GbSdpCodec.format(offer).getBytes(StandardCharsets.UTF_8))
                .build();
        String callId = ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId();
        OutgoingInvite outgoing = new OutgoingInvite(endpoint, invite, callId, this);
        try {
            outgoing.sent(endpoint.send(request, outgoing));
        } catch (SipException | RuntimeException e) {
            return CompletableFuture.failedFuture(new InviteException(Stage.NOT_SENT, 0,
                    "cannot send INVITE to " + invite.deviceId() + ": " + e.getMessage(), e));
        }
        scheduler.schedule(() -> outgoing.giveUp(config.inviteTimeout()), config.inviteTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
        return outgoing.answer();
    }

    /**
     * The SDP offer: live ({@code t=0 0}), playback ({@code u=channel:0}, {@code t=} Unix seconds) or
     * download (playback plus {@code a=downloadspeed}); the origin is always the platform.
     */
    private GbSdp offer(InviteRequest invite) {
        Ssrc ssrc = Ssrc.of(invite.ssrc());
        if (!invite.type().isHistory()) {
            return GbSdpOffers.live(config.id(), invite.mediaIp(), invite.mediaPort(), ssrc, invite.transport());
        }
        GbSdpBuilder history = GbSdpOffers.playback(invite.channelId(), invite.mediaIp(), invite.mediaPort(), ssrc,
                        invite.transport(), invite.start().getEpochSecond(), invite.stop().getEpochSecond())
                .toBuilder()
                .origin(config.id(), invite.mediaIp())
                .sessionName(invite.type().sdpName());
        if (invite.type() == SessionType.DOWNLOAD) {
            history.attribute(DOWNLOAD_SPEED_ATTRIBUTE, Integer.toString(invite.downloadSpeed()));
        }
        return history.build();
    }

    /**
     * Sends INFO with {@code body} (MANSRTSP playback control) in the call's dialog.
     *
     * @return the device's final response; fails with {@link DeviceCommandException} for an unknown call,
     *         an error status or no answer
     */
    public CompletableFuture<Response> info(String callId, String contentType, String contentSubtype, byte[] body) {
        ActiveCall call = calls.get(callId);
        if (call == null) {
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.UNKNOWN_DIALOG, callId,
                    "no established call " + callId));
        }
        Request info;
        try {
            info = call.dialog().createRequest(Request.INFO);
            info.setContent(body, endpoint.messages().contentType(contentType, contentSubtype));
        } catch (SipException | ParseException | RuntimeException e) {
            return CompletableFuture.failedFuture(new DeviceCommandException(Failure.NOT_SENT, call.deviceId(), 0,
                    "cannot build INFO for call " + callId + ": " + e.getMessage(), e));
        }
        return dialogs.send(call.dialog(), info, call.deviceId())
                .thenCompose(response -> DialogRequests.requireSuccess(response, call.deviceId(), "INFO"));
    }

    /** The established call {@code callId}. */
    public Optional<ActiveCall> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** The established calls of {@code deviceId}. */
    public List<ActiveCall> callsOf(String deviceId) {
        return calls.values().stream().filter(c -> c.deviceId().equals(deviceId)).toList();
    }

    /** Hangs up an established call; completes when the device answered the BYE. */
    public CompletableFuture<Void> bye(String callId) {
        return forget(callId).map(this::hangUp).orElseGet(() -> CompletableFuture.failedFuture(
                new IllegalArgumentException("no established call " + callId)));
    }

    void established(ActiveCall call) {
        calls.put(call.callId(), call);
    }

    /** Removes a call from the table (device BYE or own BYE). */
    public Optional<ActiveCall> forget(String callId) {
        return Optional.ofNullable(calls.remove(callId));
    }

    /** Number of established calls. */
    public int activeCalls() {
        return calls.size();
    }

    CompletableFuture<Void> hangUp(ActiveCall call) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            Request bye = call.dialog().createRequest(Request.BYE);
            ClientTransaction ct = endpoint.provider().getNewClientTransaction(bye);
            ct.setApplicationData(new ClientTransactionCallback() {
                @Override
                public void onResponse(ResponseEvent event) {
                    if (event.getResponse().getStatusCode() >= 200) {
                        done.complete(null);
                    }
                }

                @Override
                public void onTimeout(TimeoutEvent event) {
                    done.completeExceptionally(new IllegalStateException("BYE of call " + call.callId()
                            + " not answered"));
                }
            });
            call.dialog().sendRequest(ct);
        } catch (SipException | RuntimeException e) {
            LOG.warn("cannot send BYE for call {}: {}", call.callId(), e.toString());
            done.completeExceptionally(e);
        }
        return done;
    }
}
