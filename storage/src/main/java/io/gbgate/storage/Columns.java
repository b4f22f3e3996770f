package io.gbgate.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Column sizes of the V1 schema and helpers shared by the records and row mappers.
 * Identifiers that do not fit are rejected; descriptive text that does not fit is cut (see {@link SqlParams#fit}).
 */
final class Columns {

    /** GB/T 28181 codes are 20 digits; the schema leaves room for non-conforming vendors. */
    static final int ID = 32;
    static final int NAME = 255;
    static final int VENDOR = 128;
    static final int TRANSPORT = 8;
    static final int HOST = 255;
    static final int STATUS = 16;
    static final int ADDRESS = 255;
    static final int PRINCIPAL = 128;
    static final int ACTION = 32;
    static final int TARGET = 128;
    static final int REMOTE_ADDRESS = 64;
    static final int DETAIL = 2000;

    private Columns() {
    }

    /**
     * Validates a device or channel identifier.
     *
     * @throws IllegalArgumentException when it is null, blank, longer than {@link #ID} or contains control
     *                                  or whitespace characters
     */
    static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (value.length() > ID) {
            throw new IllegalArgumentException(what + " is longer than " + ID + " characters: " + value);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " contains whitespace or control characters: " + value);
            }
        }
        return value;
    }

    /** Optional identifier (e.g. a parent id): null stays null, anything else must be a valid identifier. */
    static String optionalId(String value, String what) {
        return value == null ? null : requireId(value, what);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Integer.class);
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Double.class);
    }
}
