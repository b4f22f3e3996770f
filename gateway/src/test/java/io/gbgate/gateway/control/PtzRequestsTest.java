package io.gbgate.gateway.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.sip.platform.DeviceCommandException.Failure;
import io.gbgate.sip.ptz.PtzCruise;
import io.gbgate.sip.ptz.PtzFocusIris;
import io.gbgate.sip.ptz.PtzMove;
import io.gbgate.sip.ptz.PtzScan;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class PtzRequestsTest {

    @Test
    void directionsAreCaseInsensitiveAndDiagonalsMoveBothAxes() {
        assertThat(PtzRequests.move(new PtzRequests.Move("UpLeft", 40))).isEqualTo(PtzMove.upLeft(40, 40));
        assertThat(PtzRequests.move(new PtzRequests.Move(" right ", 0))).isEqualTo(PtzMove.right(0));
        assertThat(PtzRequests.move(new PtzRequests.Move("down", null)))
                .isEqualTo(PtzMove.down(PtzRequests.DEFAULT_SPEED));
    }

    @Test
    void zoomSpeedIsScaledFromTheByteRangeToANibble() {
        assertThat(PtzRequests.move(new PtzRequests.Move("zoomIn", 0))).isEqualTo(PtzMove.zoomIn(0));
        assertThat(PtzRequests.move(new PtzRequests.Move("zoomIn", 128))).isEqualTo(PtzMove.zoomIn(8));
        assertThat(PtzRequests.move(new PtzRequests.Move("zoomOut", 255))).isEqualTo(PtzMove.zoomOut(15));
    }

    @Test
    void speedsOutsideTheRangeAndUnknownWordsAreRejectedWithTheRange() {
        assertThatThrownBy(() -> PtzRequests.move(new PtzRequests.Move("left", 256)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("speed must be 0..255, got 256");
        assertThatThrownBy(() -> PtzRequests.focus(new PtzRequests.Lens("near", -5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0..255");
        assertThatThrownBy(() -> PtzRequests.move(new PtzRequests.Move(null, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'command' is required");
        assertThatThrownBy(() -> PtzRequests.iris(new PtzRequests.Lens("near", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("open, close or stop");
        assertThatThrownBy(() -> PtzRequests.cruise(new PtzRequests.Tour("addPoint", 1, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("preset index");
        assertThatThrownBy(() -> PtzRequests.scan(new PtzRequests.Tour("stop", 1, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PTZ stop command");
    }

    @Test
    void lensAndToursMapToTheirInstructions() {
        assertThat(PtzRequests.iris(new PtzRequests.Lens("open", 9))).isEqualTo(PtzFocusIris.irisOpen(9));
        assertThat(PtzRequests.focus(new PtzRequests.Lens("stop", null))).isEqualTo(PtzFocusIris.stop());
        assertThat(PtzRequests.cruise(new PtzRequests.Tour("deletePoint", 3, 0))).isEqualTo(PtzCruise.deleteCruise(3));
        assertThat(PtzRequests.cruise(new PtzRequests.Tour("speed", 3, 4095))).isEqualTo(PtzCruise.speed(3, 4095));
        assertThat(PtzRequests.scan(new PtzRequests.Tour("leftBoundary", 2, null)))
                .isEqualTo(PtzScan.setLeftBoundary(2));
    }

    @Test
    void everyDeviceFailureHasAGatewayStatus() {
        assertThat(DeviceFailureHandler.statusOf(Failure.NOT_REGISTERED)).isEqualTo(HttpStatus.CONFLICT);
        assertThat(DeviceFailureHandler.statusOf(Failure.UNKNOWN_DIALOG)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(DeviceFailureHandler.statusOf(Failure.NOT_SENT)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(DeviceFailureHandler.statusOf(Failure.REFUSED)).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(DeviceFailureHandler.statusOf(Failure.DEVICE_ERROR)).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(DeviceFailureHandler.statusOf(Failure.NO_ANSWER)).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }
}
