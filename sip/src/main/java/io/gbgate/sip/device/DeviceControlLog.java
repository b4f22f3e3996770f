package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.DeviceControl;
import io.gbgate.sip.manscdp.DeviceControlCommand;
import io.gbgate.sip.ptz.PtzInstruction;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The DeviceControl commands the device received, decoded, in arrival order; optionally reported to a callback. */
public final class DeviceControlLog {

    private final List<DeviceControl> received = new CopyOnWriteArrayList<>();
    private volatile Consumer<DeviceControl> callback = control -> { };

    /** Calls {@code onControl} for every control received from now on (on a SIP thread: return quickly). */
    public void onControl(Consumer<DeviceControl> onControl) {
        this.callback = Objects.requireNonNull(onControl, "onControl");
    }

    /** All controls received so far. */
    public List<DeviceControl> received() {
        return List.copyOf(received);
    }

    /** Every command of every control received so far, in order. */
    public List<DeviceControlCommand> commands() {
        return received.stream().flatMap(c -> c.commands().stream()).toList();
    }

    /** The decoded PTZ instructions received so far, in order. */
    public List<PtzInstruction> ptzInstructions() {
        return commands().stream()
                .filter(DeviceControlCommand.Ptz.class::isInstance)
                .map(c -> ((DeviceControlCommand.Ptz) c).command().instruction())
                .toList();
    }

    void record(DeviceControl control) {
        received.add(control);
        callback.accept(control);
    }
}
