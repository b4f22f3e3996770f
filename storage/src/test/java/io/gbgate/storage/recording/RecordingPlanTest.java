package io.gbgate.storage.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingPlanTest {

    private static final String CHANNEL = "34020000001310000001";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** 2026-11-23 is a Monday. */
    private static ZonedDateTime monday(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 23, hour, minute, 0, 0, SHANGHAI);
    }

    @Test
    void scheduleIsActiveInsideItsWindowsOnly() {
        RecordingPlan plan = RecordingPlan.of(CHANNEL, RecordingMode.SCHEDULE, List.of(
                ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "12:30"),
                ScheduleWindow.of(DayOfWeek.MONDAY, "22:00", "24:00"),
                ScheduleWindow.of(DayOfWeek.TUESDAY, "00:00", "06:00")), 0, 0);

        assertThat(plan.isActiveAt(monday(7, 59))).isFalse();
        assertThat(plan.isActiveAt(monday(8, 0))).isTrue();
        assertThat(plan.isActiveAt(monday(12, 29))).isTrue();
        assertThat(plan.isActiveAt(monday(12, 30))).as("end is exclusive").isFalse();
        assertThat(plan.isActiveAt(monday(23, 59))).isTrue();
        assertThat(plan.isActiveAt(monday(0, 0).plusDays(1).withHour(5).withMinute(59))).isTrue();
        assertThat(plan.isActiveAt(monday(9, 0).plusDays(1))).isFalse();
        assertThat(plan.isActiveAt(monday(9, 0).plusDays(7))).as("repeats weekly").isTrue();
        assertThat(plan.isActiveAt(monday(1, 0).withZoneSameInstant(ZoneId.of("UTC"))))
                .as("the zone of the argument decides the local time: Sunday 17:00 UTC").isFalse();
    }

    @Test
    void otherModesIgnoreTheClock() {
        assertThat(RecordingPlan.of(CHANNEL, RecordingMode.ALWAYS, List.of(), 0, 0).isActiveAt(monday(3, 0)))
                .isTrue();
        assertThat(RecordingPlan.of(CHANNEL, RecordingMode.OFF, List.of(), 0, 0).isActiveAt(monday(3, 0)))
                .isFalse();
        assertThat(RecordingPlan.of(CHANNEL, RecordingMode.EVENT, List.of(), 5, 30).isActiveAt(monday(3, 0)))
                .isFalse();
        assertThat(RecordingMode.fromCode(" Schedule ")).isEqualTo(RecordingMode.SCHEDULE);
    }

    @Test
    void invalidPlansAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> ScheduleWindow.of(DayOfWeek.MONDAY, "22:00", "06:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("split windows that cross midnight")
                .hasMessageContaining("22:00-06:00");
        assertThatThrownBy(() -> ScheduleWindow.of(DayOfWeek.MONDAY, "8h", "10:00"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be HH:mm: 8h");
        assertThatThrownBy(() -> RecordingPlan.of(CHANNEL, RecordingMode.SCHEDULE, List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one weekly window");
        assertThatThrownBy(() -> RecordingPlan.of(CHANNEL, RecordingMode.ALWAYS,
                List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "09:00")), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only allowed in schedule mode");
        assertThatThrownBy(() -> RecordingPlan.of(CHANNEL, RecordingMode.SCHEDULE, List.of(
                ScheduleWindow.of(DayOfWeek.FRIDAY, "08:00", "12:00"),
                ScheduleWindow.of(DayOfWeek.FRIDAY, "11:00", "13:00")), 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap on FRIDAY: 08:00-12:00 and 11:00-13:00");
        assertThatThrownBy(() -> RecordingPlan.of(CHANNEL, RecordingMode.EVENT, List.of(), -1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pre-roll must be 0..600");
        assertThatThrownBy(() -> RecordingMode.fromCode("continuous"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off, always, schedule, event");
        assertThatThrownBy(() -> RecordingPlan.of("../etc", RecordingMode.OFF, List.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path characters");
    }
}
