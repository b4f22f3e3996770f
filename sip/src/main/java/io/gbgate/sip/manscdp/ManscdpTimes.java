package io.gbgate.sip.manscdp;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/**
 * MANSCDP local times. Written as the standard's {@code yyyy-MM-dd'T'HH:mm:ss}; read leniently (quirk): a space
 * instead of {@code T}, and a fraction of a second of 1 to 9 digits, are accepted.
 */
final class ManscdpTimes {

    private static final DateTimeFormatter WRITE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter READ = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendPattern("HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private ManscdpTimes() {
    }

    /** {@code time} as {@code yyyy-MM-ddTHH:mm:ss}; a fraction of a second is dropped. */
    static String format(LocalDateTime time) {
        return WRITE.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * @throws ManscdpException if {@code text} is not a date and time in one of the accepted forms
     */
    static LocalDateTime parse(String text, String where) {
        try {
            return LocalDateTime.parse(text.strip(), READ);
        } catch (DateTimeParseException e) {
            throw new ManscdpException(where + " is not a time like 2024-01-31T08:00:00: '" + text + "'");
        }
    }
}
