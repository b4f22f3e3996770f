package io.gbgate.storage.recording;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * When and how a channel is recorded: a row of {@code recording_plans} with its weekly schedule.
 *
 * @param channelId       channel
 * @param mode            off, always, on a weekly schedule, or around events
 * @param schedule        weekly windows (required and only allowed for {@link RecordingMode#SCHEDULE}); windows of
 *                        the same day must not overlap; kept sorted by day and start
 * @param preRollSeconds  seconds kept before an event, 0..{@value #MAX_ROLL_SECONDS}
 * @param postRollSeconds seconds recorded after an event, 0..{@value #MAX_ROLL_SECONDS}
 * @param updatedAt       when the plan was last stored, null before
 */
public record RecordingPlan(String channelId, RecordingMode mode, List<ScheduleWindow> schedule,
                            int preRollSeconds, int postRollSeconds, Instant updatedAt) {

    /** Longest pre- or post-roll. */
    public static final int MAX_ROLL_SECONDS = 600;

    private static final Comparator<ScheduleWindow> ORDER = Comparator.comparing(ScheduleWindow::dayOfWeek)
            .thenComparingInt(ScheduleWindow::fromMinute);

    /** Validates the plan and sorts the schedule. */
    public RecordingPlan {
        ChannelIds.require(channelId);
        Objects.requireNonNull(mode, "mode");
        schedule = Objects.requireNonNull(schedule, "schedule").stream().sorted(ORDER).toList();
        if (mode == RecordingMode.SCHEDULE && schedule.isEmpty()) {
            throw new IllegalArgumentException("a schedule plan needs at least one weekly window");
        }
        if (mode != RecordingMode.SCHEDULE && !schedule.isEmpty()) {
            throw new IllegalArgumentException("weekly windows are only allowed in schedule mode, not " + mode.code());
        }
        for (int i = 1; i < schedule.size(); i++) {
            ScheduleWindow previous = schedule.get(i - 1);
            ScheduleWindow current = schedule.get(i);
            if (previous.dayOfWeek() == current.dayOfWeek() && current.fromMinute() < previous.toMinute()) {
                throw new IllegalArgumentException("schedule windows overlap on " + current.dayOfWeek() + ": "
                        + previous.from() + "-" + previous.to() + " and " + current.from() + "-" + current.to());
            }
        }
        requireRoll(preRollSeconds, "pre-roll");
        requireRoll(postRollSeconds, "post-roll");
    }

    /** A plan to be stored (no update time yet). */
    public static RecordingPlan of(String channelId, RecordingMode mode, List<ScheduleWindow> schedule,
                                   int preRollSeconds, int postRollSeconds) {
        return new RecordingPlan(channelId, mode, schedule, preRollSeconds, postRollSeconds, null);
    }

    /**
     * Whether continuous recording should run at {@code time} (local time and day of its zone): always for
     * {@link RecordingMode#ALWAYS}, inside a window for {@link RecordingMode#SCHEDULE}, never for
     * {@link RecordingMode#OFF} and {@link RecordingMode#EVENT} (events start and stop that recording themselves).
     */
    public boolean isActiveAt(ZonedDateTime time) {
        Objects.requireNonNull(time, "time");
        return switch (mode) {
            case OFF, EVENT -> false;
            case ALWAYS -> true;
            case SCHEDULE -> {
                DayOfWeek day = time.getDayOfWeek();
                LocalTime local = time.toLocalTime();
                yield schedule.stream().anyMatch(window -> window.contains(day, local));
            }
        };
    }

    private static void requireRoll(int seconds, String what) {
        if (seconds < 0 || seconds > MAX_ROLL_SECONDS) {
            throw new IllegalArgumentException(what + " must be 0.." + MAX_ROLL_SECONDS + " seconds: " + seconds);
        }
    }
}
