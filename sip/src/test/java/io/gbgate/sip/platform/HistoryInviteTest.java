package io.gbgate.sip.platform;

import static io.gbgate.sip.platform.GbFixture.DEVICE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.device.MediaOffer;
import io.gbgate.sip.device.StreamPurpose;
import io.gbgate.sip.sdp.GbSdp;
import io.gbgate.sip.sdp.GbTransport;
import io.gbgate.sip.stack.SipTransport;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Playback and download INVITEs: the offer the device receives and the MediaOffer it makes of it. */
class HistoryInviteTest {

    static final String CHANNEL = "34020000001310000001";
    static final String HISTORY_SSRC = "1340000007";
    static final Instant START = Instant.parse("2026-11-20T08:00:00Z");
    static final Instant STOP = Instant.parse("2026-11-20T08:30:00Z");

    @RegisterExtension
    final PlatformAndDevice gb = new PlatformAndDevice();

    @ParameterizedTest
    @EnumSource(SipTransport.class)
    void playbackOfferCarriesSessionNameUriRangeAndHistorySsrc(SipTransport transport) throws Exception {
        gb.register(transport);

        InviteAnswer answer = gb.platform().invite(InviteRequest.playback(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000,
                HISTORY_SSRC, GbTransport.UDP, START, STOP)).get(15, TimeUnit.SECONDS);

        MediaOffer offer = gb.media.offers.get(0);
        GbSdp sdp = offer.sdp();
        assertThat(sdp.sessionName()).isEqualTo("Playback");
        assertThat(sdp.uri()).isEqualTo(CHANNEL + ":0");
        assertThat(sdp.startTime()).isEqualTo(START.getEpochSecond());
        assertThat(sdp.stopTime()).isEqualTo(STOP.getEpochSecond());
        assertThat(sdp.ssrc()).isEqualTo(HISTORY_SSRC).startsWith("1");
        assertThat(sdp.originUser()).isEqualTo(GbFixture.PLATFORM_ID);
        assertThat(sdp.attributes()).doesNotContainKey("downloadspeed");
        assertThat(offer.purpose()).isEqualTo(StreamPurpose.PLAYBACK);
        assertThat(offer.start()).isEqualTo(START);
        assertThat(offer.stop()).isEqualTo(STOP);
        assertThat(offer.downloadSpeed()).isZero();
        assertThat(answer.sdp().sessionName()).isEqualTo("Playback");
        Await.until("playback started", () -> gb.media.started.size() == 1);
    }

    @ParameterizedTest
    @EnumSource(value = GbTransport.class, names = {"TCP_PASSIVE", "TCP_ACTIVE"})
    void downloadOfferCarriesDownloadSpeedOverTcpMedia(GbTransport mediaTransport) throws Exception {
        gb.register(SipTransport.TCP);

        gb.platform().invite(InviteRequest.download(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000, HISTORY_SSRC,
                mediaTransport, START, STOP, 4)).get(15, TimeUnit.SECONDS);

        MediaOffer offer = gb.media.offers.get(0);
        assertThat(offer.sdp().sessionName()).isEqualTo("Download");
        assertThat(offer.sdp().attributes()).containsEntry("downloadspeed", "4");
        assertThat(offer.sdp().isTcp()).isTrue();
        assertThat(offer.sdp().uri()).isEqualTo(CHANNEL + ":0");
        assertThat(offer.purpose()).isEqualTo(StreamPurpose.DOWNLOAD);
        assertThat(offer.downloadSpeed()).isEqualTo(4);
        assertThat(offer.transport()).isEqualTo(mediaTransport);
        assertThat(offer.start()).isEqualTo(START);
    }

    @Test
    void liveOfferIsStillPlayWithoutRange() throws Exception {
        gb.register(SipTransport.UDP);

        gb.platform().invite(InviteRequest.play(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000, "0340000001", GbTransport.UDP))
                .get(15, TimeUnit.SECONDS);

        assertThat(gb.media.offers.get(0).purpose()).isEqualTo(StreamPurpose.LIVE);
        assertThat(gb.media.offers.get(0).sdp().startTime()).isZero();
        assertThat(gb.media.offers.get(0).start()).isNull();
    }

    @Test
    void historyRequestsAreValidated() {
        assertThatThrownBy(() -> InviteRequest.playback(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000, "0340000001",
                GbTransport.UDP, START, STOP)).hasMessageContaining("history SSRC");
        assertThatThrownBy(() -> InviteRequest.playback(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000, HISTORY_SSRC,
                GbTransport.UDP, STOP, START)).hasMessageContaining("end after its start");
        assertThatThrownBy(() -> InviteRequest.download(DEVICE_ID, CHANNEL, "127.0.0.1", 30_000, HISTORY_SSRC,
                GbTransport.UDP, START, STOP, 0)).hasMessageContaining("download speed");
    }
}
