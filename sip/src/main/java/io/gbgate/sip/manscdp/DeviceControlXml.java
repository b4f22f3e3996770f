package io.gbgate.sip.manscdp;

import io.gbgate.sip.manscdp.DeviceControlCommand.Guard;
import io.gbgate.sip.manscdp.DeviceControlCommand.HomePosition;
import io.gbgate.sip.manscdp.DeviceControlCommand.Keyframe;
import io.gbgate.sip.manscdp.DeviceControlCommand.Ptz;
import io.gbgate.sip.manscdp.DeviceControlCommand.Recording;
import io.gbgate.sip.manscdp.DeviceControlCommand.ResetAlarm;
import io.gbgate.sip.manscdp.DeviceControlCommand.TeleBoot;
import io.gbgate.sip.manscdp.DeviceControlCommand.Unmodelled;
import io.gbgate.sip.ptz.PtzCmd;
import io.gbgate.sip.ptz.PtzFormatException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Control(DeviceControl): PTZCmd, TeleBoot, RecordCmd, GuardCmd, AlarmCmd (+ Info), IFameCmd, HomePosition, and
 * other simple elements as {@link Unmodelled}. Command values are matched ignoring case; an unknown value of a
 * modelled command, or a PTZCmd that does not decode, is an error.
 */
final class DeviceControlXml implements ManscdpMapper<DeviceControl> {

    @Override
    public ManscdpKind kind() {
        return ManscdpKind.CONTROL;
    }

    @Override
    public String cmdType() {
        return DeviceControl.CMD_TYPE;
    }

    @Override
    public Class<DeviceControl> messageType() {
        return DeviceControl.class;
    }

    @Override
    public DeviceControl read(ManscdpHeader header, XmlElement root) {
        List<DeviceControlCommand> commands = new ArrayList<>();
        for (XmlElement child : root.children()) {
            DeviceControlCommand command = readCommand(child, root);
            if (command != null) {
                commands.add(command);
            }
        }
        return new DeviceControl(header.sn(), header.deviceId(), commands);
    }

    private static DeviceControlCommand readCommand(XmlElement child, XmlElement root) {
        String name = child.name();
        if (ManscdpQuirks.sameName(Ptz.ELEMENT, name)) {
            try {
                return new Ptz(PtzCmd.parse(child.text()));
            } catch (PtzFormatException e) {
                throw new ManscdpException("<" + name + ">: " + e.getMessage(), e);
            }
        }
        if (ManscdpQuirks.sameName(TeleBoot.ELEMENT, name)) {
            expect(child, TeleBoot.VALUE);
            return new TeleBoot();
        }
        if (ManscdpQuirks.sameName(Recording.ELEMENT, name)) {
            return new Recording(choose(child, Recording.START, Recording.STOP));
        }
        if (ManscdpQuirks.sameName(Guard.ELEMENT, name)) {
            return new Guard(choose(child, Guard.SET, Guard.RESET));
        }
        if (ManscdpQuirks.sameName(ResetAlarm.ELEMENT, name)) {
            expect(child, ResetAlarm.VALUE);
            XmlElement info = root.child("Info");
            return info == null ? new ResetAlarm(null, null)
                    : new ResetAlarm(ManscdpFields.text(info, "AlarmMethod"), ManscdpFields.text(info, "AlarmType"));
        }
        if (isKeyframeCommand(name)) {
            return new Keyframe();
        }
        if (ManscdpQuirks.sameName(HomePosition.ELEMENT, name)) {
            return new HomePosition(ManscdpFields.requiredInt(child, "Enabled") != 0,
                    ManscdpFields.optionalInt(child, "ResetTime"), ManscdpFields.optionalInt(child, "PresetIndex"));
        }
        if (Unmodelled.isUnmodelledName(name) && child.children().isEmpty()) {
            return new Unmodelled(name, child.text());
        }
        return null; // header elements, Info, nested vendor elements
    }

    private static void expect(XmlElement command, String value) {
        if (!value.equalsIgnoreCase(command.text())) {
            throw new ManscdpException("<" + command.name() + "> must be " + value + ", got '" + command.text() + "'");
        }
    }

    /** True for {@code first}, false for {@code second}. */
    private static boolean choose(XmlElement command, String first, String second) {
        if (first.equalsIgnoreCase(command.text())) {
            return true;
        }
        if (second.equalsIgnoreCase(command.text())) {
            return false;
        }
        throw new ManscdpException("<" + command.name() + "> must be " + first + " or " + second + ", got '"
                + command.text() + "'");
    }

    private static boolean isKeyframeCommand(String name) {
        for (String accepted : ManscdpQuirks.IFRAME_ELEMENT_NAMES) {
            if (ManscdpQuirks.sameName(accepted, name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void writeBody(DeviceControl message, ManscdpXmlWriter out) throws XMLStreamException {
        for (DeviceControlCommand command : message.commands()) {
            writeCommand(command, out);
        }
    }

    private static void writeCommand(DeviceControlCommand command, ManscdpXmlWriter out) throws XMLStreamException {
        String element = command.elementName();
        if (command instanceof Ptz ptz) {
            out.element(element, ptz.command().toHex());
        } else if (command instanceof TeleBoot) {
            out.element(element, TeleBoot.VALUE);
        } else if (command instanceof Recording recording) {
            out.element(element, recording.start() ? Recording.START : Recording.STOP);
        } else if (command instanceof Guard guard) {
            out.element(element, guard.set() ? Guard.SET : Guard.RESET);
        } else if (command instanceof ResetAlarm reset) {
            out.element(element, ResetAlarm.VALUE);
            if (reset.alarmMethod() != null || reset.alarmType() != null) {
                out.start("Info");
                out.element("AlarmMethod", reset.alarmMethod());
                out.element("AlarmType", reset.alarmType());
                out.end();
            }
        } else if (command instanceof Keyframe) {
            out.element(element, Keyframe.VALUE);
        } else if (command instanceof HomePosition home) {
            out.start(element);
            out.element("Enabled", home.enabled() ? 1 : 0);
            out.element("ResetTime", home.resetTime());
            out.element("PresetIndex", home.presetIndex());
            out.end();
        } else if (command instanceof Unmodelled other) {
            out.element(element, other.value());
        }
    }
}
