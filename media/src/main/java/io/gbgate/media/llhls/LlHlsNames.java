package io.gbgate.media.llhls;

import java.util.Optional;

/**
 * The file names an LL-HLS / fMP4 HLS playlist uses and their parsing: {@code init<id>.mp4},
 * {@code seg<msn>.m4s} and {@code part<msn>.<index>.m4s}. Anything else parses to empty.
 */
public final class LlHlsNames {
    private static final int MAX_DIGITS = 18;

    /** What a requested file name names. */
    public sealed interface Resource permits Init, Segment, Part {
    }

    public record Init(int id) implements Resource {
    }

    public record Segment(long msn) implements Resource {
    }

    public record Part(PartPosition position) implements Resource {
    }

    private LlHlsNames() {
    }

    public static String init(int id) {
        return "init" + id + ".mp4";
    }

    public static String segment(long msn) {
        return "seg" + msn + ".m4s";
    }

    public static String part(PartPosition position) {
        return "part" + position.msn() + "." + position.part() + ".m4s";
    }

    /** The resource a file name names, or empty when it is none of the three forms. */
    public static Optional<Resource> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.startsWith("init") && name.endsWith(".mp4")) {
            long id = digits(name.substring(4, name.length() - 4));
            return id < 0 || id > Integer.MAX_VALUE ? Optional.empty() : Optional.of(new Init((int) id));
        }
        if (!name.endsWith(".m4s")) {
            return Optional.empty();
        }
        String stem = name.substring(0, name.length() - 4);
        if (stem.startsWith("seg")) {
            long msn = digits(stem.substring(3));
            return msn < 0 ? Optional.empty() : Optional.of(new Segment(msn));
        }
        if (stem.startsWith("part")) {
            int dot = stem.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            long msn = digits(stem.substring(4, dot));
            long index = digits(stem.substring(dot + 1));
            return msn < 0 || index < 0 || index > Integer.MAX_VALUE ? Optional.empty()
                    : Optional.of(new Part(new PartPosition(msn, (int) index)));
        }
        return Optional.empty();
    }

    /** The value of a plain decimal number, or -1. */
    static long digits(String text) {
        if (text.isEmpty() || text.length() > MAX_DIGITS) {
            return -1;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Long.parseLong(text);
    }
}
