package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.MediaStatusNotify;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import java.util.List;
import java.util.Optional;

/**
 * MediaStatus notifications (121 = end of file of a playback or download): mapped to the call they
 * concern, first by the MESSAGE's Call-ID (devices send it in the call's dialog), else by the only
 * history call of the device on the channel named in the body, and reported to the listener.
 */
public final class MediaStatusNotifyHandler implements ManscdpCommandHandler<MediaStatusNotify> {

    private final InviteClient calls;
    private final PlatformListener listener;

    /** Creates the handler. */
    public MediaStatusNotifyHandler(InviteClient calls, PlatformListener listener) {
        this.calls = calls;
        this.listener = listener;
    }

    @Override
    public Class<MediaStatusNotify> type() {
        return MediaStatusNotify.class;
    }

    @Override
    public void handle(RegisteredDevice device, MediaStatusNotify message) {
        handle(device, message, null);
    }

    @Override
    public void handle(RegisteredDevice device, MediaStatusNotify message, String callId) {
        Optional<ActiveCall> call = Optional.ofNullable(callId).flatMap(calls::call)
                .filter(c -> c.deviceId().equals(device.deviceId()))
                .or(() -> onlyHistoryCall(device.deviceId(), message.deviceId()));
        listener.mediaStatus(device.deviceId(), call.map(ActiveCall::callId).orElse(null),
                call.map(ActiveCall::channelId).orElse(message.deviceId()), message.notifyType());
    }

    private Optional<ActiveCall> onlyHistoryCall(String deviceId, String channelId) {
        List<ActiveCall> candidates = calls.callsOf(deviceId).stream()
                .filter(c -> c.type().isHistory() && c.channelId().equals(channelId))
                .toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }
}
