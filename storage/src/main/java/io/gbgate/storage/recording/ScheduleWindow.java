package io.gbgate.storage.recording;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One weekly recording window: a day of the week and a time span on it, {@code from} inclusive, {@code to}
 * exclusive. A window ends at most at midnight: write {@code 24:00} (stored as 1440 minutes) for "until the end of
 * the day" and split a night window into two days.
 *
 * @param dayOfWeek  day the window is on
 * @param fromMinute minute of the day it starts, 0..1439
 * @param toMinute   minute of the day it ends (exclusive), fromMinute+1..1440
 */
public record ScheduleWindow(DayOfWeek dayOfWeek, int fromMinute, int toMinute) {

    /** Minutes in a day; the end of a window that lasts until midnight. */
    public static final int END_OF_DAY = 24 * 60;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** Validates the span. */
    public ScheduleWindow {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        if (fromMinute < 0 || fromMinute >= END_OF_DAY) {
            throw new IllegalArgumentException("schedule window start must be 00:00..23:59: " + fromMinute + " min");
        }
        if (toMinute <= fromMinute || toMinute > END_OF_DAY) {
            throw new IllegalArgumentException("schedule window on " + dayOfWeek + " must end after it starts and "
                    + "at 24:00 at the latest (split windows that cross midnight): " + format(fromMinute) + "-"
                    + format(toMinute));
        }
    }

    /** Parses {@code HH:mm} times; {@code to} may be {@code 24:00}. */
    public static ScheduleWindow of(DayOfWeek dayOfWeek, String from, String to) {
        return new ScheduleWindow(dayOfWeek, parseMinute(from, "start"), parseMinute(to, "end"));
    }

    /** Whether the local time {@code time} on {@code day} lies in the window. */
    public boolean contains(DayOfWeek day, LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return day == dayOfWeek && minute >= fromMinute && minute < toMinute;
    }

    /** Start as {@code HH:mm}. */
    public String from() {
        return format(fromMinute);
    }

    /** End as {@code HH:mm} ({@code 24:00} for midnight). */
    public String to() {
        return format(toMinute);
    }

    private static int parseMinute(String text, String which) {
        Objects.requireNonNull(text, which);
        if ("24:00".equals(text.trim())) {
            return END_OF_DAY;
        }
        try {
            LocalTime time = LocalTime.parse(text.trim(), HH_MM);
            return time.getHour() * 60 + time.getMinute();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule window " + which + " must be HH:mm: " + text, e);
        }
    }

    private static String format(int minute) {
        return String.format("%02d:%02d", minute / 60, minute % 60);
    }
}
