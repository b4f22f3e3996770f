package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;

/** Typed reads of child element text with clear errors, shared by the mappers. */
final class ManscdpFields {

    private ManscdpFields() {
    }

    /** Trimmed text of child {@code name}, or null if absent or empty. */
    static String text(XmlElement parent, String name) {
        XmlElement child = parent.child(name);
        return child == null ? null : ManscdpQuirks.blankToNull(child.text());
    }

    /** Trimmed text of child {@code name}. */
    static String requiredText(XmlElement parent, String name) {
        String text = text(parent, name);
        if (text == null) {
            throw new ManscdpException("<" + parent.name() + "> lacks required element <" + name + ">");
        }
        return text;
    }

    /** Child {@code name} as a non-negative long. */
    static long requiredLong(XmlElement parent, String name) {
        return parseLong(requiredText(parent, name), parent, name);
    }

    /** Child {@code name} as a non-negative int. */
    static int requiredInt(XmlElement parent, String name) {
        return toInt(requiredLong(parent, name), parent, name);
    }

    /** Child {@code name} as a non-negative int, or null if absent or empty. */
    static Integer optionalInt(XmlElement parent, String name) {
        String text = text(parent, name);
        return text == null ? null : toInt(parseLong(text, parent, name), parent, name);
    }

    /** Child {@code name} as a finite double. */
    static double requiredDouble(XmlElement parent, String name) {
        requiredText(parent, name);
        return optionalDouble(parent, name);
    }

    /** Child {@code name} as a finite double, or null if absent or empty. */
    static Double optionalDouble(XmlElement parent, String name) {
        String text = text(parent, name);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ManscdpException(where(parent, name) + " is not a number: '" + text + "'");
    }

    /** Child {@code name} as a non-negative long, or null if absent or empty. */
    static Long optionalLong(XmlElement parent, String name) {
        String text = text(parent, name);
        return text == null ? null : parseLong(text, parent, name);
    }

    /** Child {@code name} as a local time (see {@link ManscdpTimes}), or null if absent or empty. */
    static LocalDateTime optionalTime(XmlElement parent, String name) {
        String text = text(parent, name);
        return text == null ? null : ManscdpTimes.parse(text, where(parent, name));
    }

    /** Child {@code name} as a local time (see {@link ManscdpTimes}). */
    static LocalDateTime requiredTime(XmlElement parent, String name) {
        return ManscdpTimes.parse(requiredText(parent, name), where(parent, name));
    }

    /** Child {@code Result} as OK / ERROR, or null if absent. */
    static ManscdpResult optionalResult(XmlElement parent) {
        String text = text(parent, "Result");
        return text == null ? null : ManscdpResult.parse(text);
    }

    private static long parseLong(String text, XmlElement parent, String name) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ManscdpException(where(parent, name) + " is not a non-negative integer: '" + text + "'");
    }

    private static int toInt(long value, XmlElement parent, String name) {
        if (value > Integer.MAX_VALUE) {
            throw new ManscdpException(where(parent, name) + " is too large: " + value);
        }
        return (int) value;
    }

    static String where(XmlElement parent, String name) {
        return "<" + parent.name() + "><" + name + ">";
    }
}
