package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.gbgate.sip.manscdp.MediaStatusNotify;
import io.gbgate.sip.mansrtsp.MansrtspPause;
import io.gbgate.sip.mansrtsp.MansrtspPlay;
import io.gbgate.sip.mansrtsp.MansrtspTeardown;
import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.sdp.GbTransport;
import io.gbgate.sip.stack.SipTransport;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** MANSRTSP playback control in INFO, and MediaStatus 121 (end of file) mapped to the call. */
class PlaybackControlTest {

    private static final String CHANNEL = HistoryInviteTest.CHANNEL;

    private Loopback loop;

    @AfterEach
    void close() throws InterruptedException {
        if (loop != null) {
            loop.close();
        }
    }

    private InviteAnswer playback() throws Exception {
        InviteAnswer answer = loop.platform.invite(InviteRequest.playback(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000,
                HistoryInviteTest.HISTORY_SSRC, GbTransport.UDP, HistoryInviteTest.START, HistoryInviteTest.STOP))
                .get(15, TimeUnit.SECONDS);
        Await.until("playback started", () -> loop.media.started.size() == 1);
        return answer;
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void pauseResumeSeekAndScaleReachTheDeviceSession(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        String callId = playback().callId();

        loop.platform.sendPlaybackControl(callId, MansrtspPause.now(1)).get(15, TimeUnit.SECONDS);
        loop.platform.sendPlaybackControl(callId, MansrtspPlay.resume(2)).get(15, TimeUnit.SECONDS);
        loop.platform.sendPlaybackControl(callId, MansrtspPlay.seek(3, 125.5)).get(15, TimeUnit.SECONDS);
        loop.platform.sendPlaybackControl(callId, MansrtspPlay.scale(4, 2.0)).get(15, TimeUnit.SECONDS);
        loop.platform.sendPlaybackControl(callId, MansrtspPlay.scale(5, 0.5)).get(15, TimeUnit.SECONDS);

        assertThat(loop.media.controls).containsExactly("pause", "resume", "seek 125.5", "scale 2.0", "scale 0.5");
    }

    @Test
    void teardownStopsTheSession() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);
        String callId = playback().callId();

        loop.platform.sendPlaybackControl(callId, new MansrtspTeardown(1)).get(15, TimeUnit.SECONDS);

        Await.until("session stopped", () -> loop.media.stopped.size() == 1);
    }

    @Test
    void controlOfAnUnknownCallFailsClearly() throws Exception {
        loop = Loopback.registered(SipTransport.UDP);

        DeviceCommandsTest.assertFails(() -> loop.platform.sendPlaybackControl("no-such-call", MansrtspPause.now(1))
                .get(5, TimeUnit.SECONDS), Failure.UNKNOWN_DIALOG);
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void fileEndReachesTheListenerMappedToTheCallAndTheCallCanBeEnded(SipTransport transport) throws Exception {
        loop = Loopback.registered(transport);
        InviteAnswer live = loop.platform.invite(InviteRequest.play(DEVICE_ID, CHANNEL, "127.0.0.1", 30_002,
                "0340000002", GbTransport.UDP)).get(15, TimeUnit.SECONDS);
        Await.until("live started", () -> loop.media.started.size() == 1);
        loop.media.started.clear();
        String callId = playback().callId();

        loop.device.fileEnded(callId).get(15, TimeUnit.SECONDS);

        Await.until("media status", () -> !loop.events.mediaStatus.isEmpty());
        RecordingPlatformListener.MediaStatusEvent status = loop.events.mediaStatus.get(0);
        assertThat(status.notifyType()).isEqualTo(MediaStatusNotify.FILE_END);
        assertThat(status.callId()).isEqualTo(callId).isNotEqualTo(live.callId());
        assertThat(status.deviceId()).isEqualTo(DEVICE_ID);
        assertThat(status.channelId()).isEqualTo(CHANNEL);

        loop.platform.bye(status.callId()).get(15, TimeUnit.SECONDS);
        Await.until("playback session stopped", () -> loop.media.stopped.size() == 1);
    }
}
