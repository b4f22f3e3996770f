package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.sdp.GbTransport;
import io.gbgate.sip.stack.SipTransport;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Live-view calls between the platform and a device agent. */
class InviteTest {

    private static final String CHANNEL = "34020000001310000001";
    private static final String OFFERED_SSRC = "0340000001";

    @RegisterExtension
    final PlatformAndDevice gb = new PlatformAndDevice();

    private static InviteRequest play(GbTransport mediaTransport) {
        return InviteRequest.play(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000, OFFERED_SSRC, mediaTransport);
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void inviteIsAnsweredAckedAndStartsTheDeviceMediaWithThePlatformsAddressThenPlatformHangsUp(
            SipTransport transport) throws Exception {
        gb.register(transport);

        InviteAnswer answer = gb.platform().invite(play(GbTransport.UDP)).get(15, TimeUnit.SECONDS);

        assertThat(answer.ssrcFromDevice()).isEqualTo(OFFERED_SSRC);
        assertThat(answer.deviceMediaIp()).isEqualTo("127.0.0.1");
        assertThat(answer.deviceMediaPort()).isEqualTo(40_000);
        assertThat(answer.finalResponse()).isNotNull();
        Await.until("media started on ACK", () -> gb.media.started.size() == 1);
        MediaOffer offer = gb.media.started.get(0);
        assertThat(offer.channelId()).isEqualTo(CHANNEL);
        assertThat(offer.targetIp()).isEqualTo("127.0.0.1");
        assertThat(offer.targetPort()).isEqualTo(30_000);
        assertThat(offer.ssrc()).isEqualTo(OFFERED_SSRC);
        assertThat(offer.transport()).isEqualTo(GbTransport.UDP);
        assertThat(offer.sdp().sessionName()).isEqualTo("Play");
        assertThat(offer.subject()).isEqualTo(CHANNEL + ":" + OFFERED_SSRC + "," + GbFixture.PLATFORM_ID + ":0");

        gb.platform().bye(answer.callId()).get(15, TimeUnit.SECONDS);
        Await.until("media stopped on BYE", () -> gb.media.stopped.size() == 1);
        assertThatThrownBy(() -> gb.platform().bye(answer.callId()).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deviceAnsweringWithAnotherSsrcWins() throws Exception {
        gb.register(SipTransport.UDP);
        gb.media.answerSsrc = "0340009999";

        InviteAnswer answer = gb.platform().invite(play(GbTransport.TCP_PASSIVE)).get(15, TimeUnit.SECONDS);

        assertThat(answer.ssrcFromDevice()).isEqualTo("0340009999");
        assertThat(answer.sdp().isTcp()).isTrue();
        assertThat(answer.sdp().setup()).isEqualTo("active");
        assertThat(gb.media.offers.get(0).transport()).isEqualTo(GbTransport.TCP_PASSIVE);
    }

    @Test
    void deviceThatNeverAnswersGivesNoAnswer() throws Exception {
        gb.register(SipTransport.UDP);
        gb.media.mode = RecordingMediaFactory.Mode.NEVER;

        assertThatThrownBy(() -> gb.platform().invite(play(GbTransport.UDP)).get(15, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(InviteException.class,
                        e -> assertThat(e.stage()).isEqualTo(InviteException.Stage.NO_ANSWER));
        assertThat(gb.media.started).isEmpty();
    }

    @Test
    void busyDeviceGivesErrorResponse486() throws Exception {
        gb.register(SipTransport.UDP);
        gb.media.mode = RecordingMediaFactory.Mode.BUSY;

        assertThatThrownBy(() -> gb.platform().invite(play(GbTransport.UDP)).get(15, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(InviteException.class, e -> {
                    assertThat(e.stage()).isEqualTo(InviteException.Stage.ERROR_RESPONSE);
                    assertThat(e.statusCode()).isEqualTo(486);
                });
    }

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void deviceHangsUpAndThePlatformReportsIt(SipTransport transport) throws Exception {
        gb.register(transport);
        InviteAnswer answer = gb.platform().invite(play(GbTransport.UDP)).get(15, TimeUnit.SECONDS);
        Await.until("media started", () -> gb.media.started.size() == 1);

        gb.device().bye(CHANNEL).get(15, TimeUnit.SECONDS);

        Await.until("platform saw the BYE", () -> gb.events.byes.size() == 1);
        assertThat(gb.events.byes.get(0).callId()).isEqualTo(answer.callId());
        assertThat(gb.events.byes.get(0).deviceId()).isEqualTo(DEVICE_ID);
        assertThat(gb.media.stopped).hasSize(1);
    }

    @Test
    void inviteToUnknownDeviceIsNotSent() {
        gb.startPlatform();

        assertThatThrownBy(() -> gb.platform().invite(play(GbTransport.UDP)).get(5, TimeUnit.SECONDS))
                .cause().isInstanceOfSatisfying(InviteException.class,
                        e -> assertThat(e.stage()).isEqualTo(InviteException.Stage.NOT_SENT));
    }
}
