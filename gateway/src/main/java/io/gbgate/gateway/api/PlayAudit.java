package io.gbgate.gateway.api;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.storage.AuditEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who watched which channel live from when to when: {@link AuditEntry#PLAY_START} when a play is answered
 * (with the viewer ID, or why it failed) and one {@link AuditEntry#PLAY_STOP} per viewer when it ends, whether
 * it left by request, went idle (its player stopped fetching and held no WebRTC or FLV connection) or the
 * stream ended under it. Implicit ends are recorded under the principal who started the play.
 */
@Component
public class PlayAudit implements StreamService.LifecycleListener {
    private final ViewingAudit audit;
    /** The caller of each running viewer's play, by viewer ID (random, unique across streams). */
    private final Map<String, ViewingAudit.Caller> callers = new ConcurrentHashMap<>();

    public PlayAudit(ViewingAudit audit, StreamService streams) {
        this.audit = audit;
        streams.addLifecycleListener(this);
    }

    /** {@code caller}'s play of {@code channelId} was answered: {@code ticket} joined, or it failed. */
    public void started(ViewingAudit.Caller caller, String channelId, String transport,
                        StreamService.PlayTicket ticket, Throwable failure) {
        String over = transport == null ? "" : " over " + transport;
        if (failure != null) {
            audit.record(caller, AuditEntry.PLAY_START, channelId, "failed" + over + ": " + failure.getMessage());
            return;
        }
        callers.put(ticket.viewerId(), caller);
        audit.record(caller, AuditEntry.PLAY_START, channelId,
                "viewer " + ticket.viewerId() + over + " (stream " + ticket.stream().streamId() + ")");
    }

    /** {@code caller} stopped viewer {@code viewerId} of {@code channelId}, or the whole stream when it is null. */
    public void stopped(ViewingAudit.Caller caller, String channelId, String viewerId) {
        if (viewerId != null) {
            callers.remove(viewerId);
        }
        audit.record(caller, AuditEntry.PLAY_STOP, channelId,
                viewerId == null ? "stopped for all viewers" : "viewer " + viewerId + " left");
    }

    @Override
    public void viewerGone(LiveStream stream, String viewerId, String why) {
        ViewingAudit.Caller caller = callers.remove(viewerId);
        if (caller != null) {
            audit.record(caller, AuditEntry.PLAY_STOP, stream.channelId(), "viewer " + viewerId + ": " + why);
        }
    }
}
