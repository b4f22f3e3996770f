package io.gbgate.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewerLeasesTest {
    private static final long IDLE = 30_000_000_000L;

    @Test
    void viewersAndHoldersAreCountedApartAndTheStreamIsEmptyWhenBothAreGone() {
        ViewerLeases leases = new ViewerLeases();
        String viewer = leases.join(0);
        leases.pin("whep:s1", viewer);
        leases.pin("recorder");
        assertThat(leases.viewerCount()).isEqualTo(1);
        assertThat(leases.holders()).containsExactly("recorder", "whep:s1");
        assertThat(leases.emptyForNanos(10)).isEqualTo(-1);

        assertThat(leases.leave(viewer, 100)).isTrue();
        assertThat(leases.leave("whep:s1", 100)).isTrue();
        assertThat(leases.leave("whep:s1", 100)).as("already gone").isFalse();
        assertThat(leases.emptyForNanos(200)).as("the recorder still holds").isEqualTo(-1);
        leases.leave("recorder", 300);
        assertThat(leases.viewerCount()).isZero();
        assertThat(leases.emptyForNanos(500)).isEqualTo(200);
    }

    @Test
    void aViewerAnOutputServesDoesNotGoIdleButExpiresOnceTheOutputLetsGo() {
        ViewerLeases leases = new ViewerLeases();
        String webRtc = leases.join(0);
        String hls = leases.join(0);
        leases.pin("whep:s1", webRtc);

        assertThat(leases.expire(IDLE, IDLE + 1)).containsExactly(hls);
        assertThat(leases.viewerIds()).containsExactly(webRtc);
        assertThat(leases.viewerCount()).as("the HLS viewer stopped fetching; the WebRTC one is served")
                .isEqualTo(1);
        leases.touch(hls, IDLE + 2);
        assertThat(leases.viewerCount()).as("a viewer seen again comes back").isEqualTo(2);

        leases.leave("whep:s1", IDLE + 3);
        assertThat(leases.expire(IDLE, 3 * IDLE)).containsExactlyInAnyOrder(webRtc, hls);
        assertThat(leases.viewerCount()).isZero();
        assertThat(leases.emptyForNanos(3 * IDLE + 10)).isEqualTo(10);
    }

    @Test
    void aHoldersOwnNameIsNoViewer() {
        ViewerLeases leases = new ViewerLeases();
        leases.pin("download");
        leases.touch("download", 5);
        assertThat(leases.viewerCount()).isZero();
        assertThat(leases.holders()).containsExactly("download");
    }
}
