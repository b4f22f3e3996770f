package io.gbgate.sip.manscdp;

import io.gbgate.sip.ptz.PtzCmd;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Control(DeviceControl): commands to a device or channel, normally one per body. See
 * {@link DeviceControlCommand} for the modelled commands (PTZCmd, TeleBoot, RecordCmd, GuardCmd, AlarmCmd,
 * IFameCmd, HomePosition) and {@link DeviceControlCommand.Unmodelled} for other simple elements.
 *
 * @param sn       sequence number
 * @param deviceId device or channel ID
 * @param commands the commands in document order, each element at most once
 */
public record DeviceControl(long sn, String deviceId, List<DeviceControlCommand> commands)
        implements ManscdpMessage {

    /** The CmdType value. */
    public static final String CMD_TYPE = "DeviceControl";
    /** The keyframe request element, as the standard spells it. */
    public static final String IFRAME_ELEMENT = DeviceControlCommand.Keyframe.ELEMENT;
    /** The keyframe request value. */
    public static final String IFRAME_SEND = DeviceControlCommand.Keyframe.VALUE;

    public DeviceControl {
        MessageChecks.header(sn, deviceId);
        commands = List.copyOf(commands);
        Set<String> elements = new HashSet<>();
        for (DeviceControlCommand command : commands) {
            if (!elements.add(command.elementName().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("DeviceControl carries <" + command.elementName() + "> twice");
            }
        }
    }

    /** A control carrying the single {@code command}. */
    public static DeviceControl of(long sn, String deviceId, DeviceControlCommand command) {
        return new DeviceControl(sn, deviceId, List.of(command));
    }

    /** A keyframe request for a live stream. */
    public static DeviceControl requestIFrame(long sn, String deviceId) {
        return of(sn, deviceId, new DeviceControlCommand.Keyframe());
    }

    /** A PTZ command ({@code <PTZCmd>}). */
    public static DeviceControl ptz(long sn, String deviceId, PtzCmd command) {
        return of(sn, deviceId, new DeviceControlCommand.Ptz(command));
    }

    /** Whether the control asks for an immediate keyframe. */
    public boolean iFrame() {
        return find(DeviceControlCommand.Keyframe.class).isPresent();
    }

    /** The command of {@code type}, if the control carries one. */
    public <C extends DeviceControlCommand> Optional<C> find(Class<C> type) {
        return commands.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.CONTROL;
    }

    @Override
    public String cmdType() {
        return CMD_TYPE;
    }
}
