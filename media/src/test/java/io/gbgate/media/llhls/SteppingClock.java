package io.gbgate.media.llhls;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Test helper: a wall clock that only moves when told to. */
final class SteppingClock extends Clock {
    private volatile long millis;

    SteppingClock(Instant start) {
        this.millis = start.toEpochMilli();
    }

    void advanceMillis(long step) {
        millis += step;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
