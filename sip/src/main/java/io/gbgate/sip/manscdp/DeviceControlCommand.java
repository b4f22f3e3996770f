package io.gbgate.sip.manscdp;

import io.gbgate.sip.ptz.PtzCmd;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One command element of a Control(DeviceControl) body. Each variant names the element it is written as
 * ({@link #elementName()}); a body carries each element at most once.
 */
public sealed interface DeviceControlCommand {

    /** The element this command is written as, e.g. {@code PTZCmd}. */
    String elementName();

    /** {@code <PTZCmd>}: pan/tilt/zoom, focus/iris, preset, cruise, scan or auxiliary switch. */
    record Ptz(PtzCmd command) implements DeviceControlCommand {
        public static final String ELEMENT = "PTZCmd";

        public Ptz {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /** {@code <TeleBoot>Boot</TeleBoot>}: restart the device. */
    record TeleBoot() implements DeviceControlCommand {
        public static final String ELEMENT = "TeleBoot";
        public static final String VALUE = "Boot";

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /** {@code <RecordCmd>Record</RecordCmd>} starts, {@code StopRecord} stops manual recording. */
    record Recording(boolean start) implements DeviceControlCommand {
        public static final String ELEMENT = "RecordCmd";
        public static final String START = "Record";
        public static final String STOP = "StopRecord";

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /** {@code <GuardCmd>SetGuard</GuardCmd>} arms, {@code ResetGuard} disarms. */
    record Guard(boolean set) implements DeviceControlCommand {
        public static final String ELEMENT = "GuardCmd";
        public static final String SET = "SetGuard";
        public static final String RESET = "ResetGuard";

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /**
     * {@code <AlarmCmd>ResetAlarm</AlarmCmd>} with optional {@code <Info><AlarmMethod/><AlarmType/></Info>}
     * saying which alarm to reset.
     *
     * @param alarmMethod alarm method (1 phone, 2 device, 3 SMS, 4 GPS, 5 video, 6 device fault, 7 other), or null
     * @param alarmType   alarm type within the method, or null
     */
    record ResetAlarm(String alarmMethod, String alarmType) implements DeviceControlCommand {
        public static final String ELEMENT = "AlarmCmd";
        public static final String VALUE = "ResetAlarm";

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /** {@code <IFameCmd>Send</IFameCmd>} (the standard's spelling): send a keyframe now. */
    record Keyframe() implements DeviceControlCommand {
        public static final String ELEMENT = "IFameCmd";
        public static final String VALUE = "Send";

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /**
     * {@code <HomePosition>}: return to a preset after a time without control.
     *
     * @param enabled     whether the home position is active
     * @param resetTime   seconds without control before returning, or null
     * @param presetIndex the preset to return to (0..255), or null
     */
    record HomePosition(boolean enabled, Integer resetTime, Integer presetIndex) implements DeviceControlCommand {
        public static final String ELEMENT = "HomePosition";

        public HomePosition {
            if (resetTime != null && resetTime < 0) {
                throw new IllegalArgumentException("HomePosition ResetTime must not be negative: " + resetTime);
            }
            if (presetIndex != null && (presetIndex < 0 || presetIndex > 255)) {
                throw new IllegalArgumentException("HomePosition PresetIndex must be 0..255: " + presetIndex);
            }
        }

        @Override
        public String elementName() {
            return ELEMENT;
        }
    }

    /**
     * A simple command element without a record here (e.g. a vendor extension), kept as name and text so a device
     * can answer it (typically with Result ERROR). Nested unknown elements are not kept.
     *
     * @param elementName plain XML name, at most 64 characters, not a header or modelled element
     * @param value       the element text
     */
    record Unmodelled(String elementName, String value) implements DeviceControlCommand {
        private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
        private static final Set<String> RESERVED = Set.of("cmdtype", "sn", "deviceid", "info", "ptzcmd",
                "teleboot", "recordcmd", "guardcmd", "alarmcmd", "ifamecmd", "iframecmd", "homeposition");

        public Unmodelled {
            Objects.requireNonNull(elementName, "elementName");
            Objects.requireNonNull(value, "value");
            if (!isUnmodelledName(elementName)) {
                throw new IllegalArgumentException("not a usable command element name: '" + elementName
                        + "' (header elements and modelled commands have their own records)");
            }
        }

        /** Whether {@code name} is a plain XML name that is neither a header element nor a modelled command. */
        static boolean isUnmodelledName(String name) {
            return NAME.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
        }
    }
}
