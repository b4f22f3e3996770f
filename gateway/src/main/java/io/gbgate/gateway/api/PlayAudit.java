package io.gbgate.gateway.api;

import io.gbgate.gateway.stream.LiveStream;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.storage.AuditEntry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who watched which channel from when to when, live or played back from the device: a start entry when a play is
 * answered (with the viewer ID, or why it failed) and one stop entry per viewer when it ends, whether it left by
 * request, went idle (its player stopped fetching and held no WebRTC or FLV connection) or the stream ended
 * under it. Implicit ends are recorded under the principal who started the play.
 */
@Component
public class PlayAudit implements StreamService.LifecycleListener {
    /** What a viewer watches: live, or a recording on the device; each with its start and stop actions. */
    public enum Kind {
        LIVE(AuditEntry.PLAY_START, AuditEntry.PLAY_STOP),
        PLAYBACK(AuditEntry.PLAYBACK_START, AuditEntry.PLAYBACK_STOP);

        private final String start;
        private final String stop;

        Kind(String start, String stop) {
            this.start = start;
            this.stop = stop;
        }
    }

    private record Watcher(ViewingAudit.Caller caller, Kind kind) {
    }

    private final ViewingAudit audit;
    /** The caller of each running viewer's play, by viewer ID (random, unique across streams). */
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();

    public PlayAudit(ViewingAudit audit, StreamService streams) {
        this.audit = audit;
        streams.addLifecycleListener(this);
    }

    /**
     * {@code caller}'s play of {@code channelId} ({@code what}: the transport, the time range) was answered:
     * {@code ticket} joined, or it failed.
     */
    public void started(ViewingAudit.Caller caller, Kind kind, String channelId, String what,
                        StreamService.PlayTicket ticket, Throwable failure) {
        String about = what == null || what.isEmpty() ? "" : " (" + what + ")";
        if (failure != null) {
            audit.record(caller, kind.start, channelId, "failed" + about + ": " + failure.getMessage());
            return;
        }
        watchers.put(ticket.viewerId(), new Watcher(caller, kind));
        audit.record(caller, kind.start, channelId,
                "viewer " + ticket.viewerId() + about + " of stream " + ticket.stream().streamId());
    }

    /** {@code caller} stopped viewer {@code viewerId} of {@code channelId}, or the whole stream when it is null. */
    public void stopped(ViewingAudit.Caller caller, String channelId, String viewerId) {
        if (viewerId != null) {
            watchers.remove(viewerId);
        }
        audit.record(caller, AuditEntry.PLAY_STOP, channelId,
                viewerId == null ? "stopped for all viewers" : "viewer " + viewerId + " left");
    }

    @Override
    public void viewerGone(LiveStream stream, String viewerId, String why) {
        Watcher watcher = watchers.remove(viewerId);
        if (watcher != null) {
            audit.record(watcher.caller(), watcher.kind().stop, stream.channelId(), "viewer " + viewerId + ": " + why);
        }
    }
}
