package io.gbgate.sip.sdp;

/**
 * Writes SDP {@code <type>=<value>} lines terminated by CRLF, refusing values that would break the line structure:
 * no CR, LF or NUL anywhere, and no whitespace inside the space-separated fields of structured lines.
 */
final class SdpLineWriter {

    private static final String CRLF = "\r\n";

    private final StringBuilder out = new StringBuilder(256);

    /** Writes {@code type=value} where the value is free text (s=, u=, f=, a=, y=). */
    SdpLineWriter line(char type, String value) {
        out.append(type).append('=').append(checked(type, value)).append(CRLF);
        return this;
    }

    /** Writes {@code type=field1 field2 ...} where each field is a token without whitespace (o=, c=, t=, m=). */
    SdpLineWriter fields(char type, String... fields) {
        out.append(type).append('=');
        for (int i = 0; i < fields.length; i++) {
            String field = checked(type, fields[i]);
            if (field.isEmpty() || field.chars().anyMatch(Character::isWhitespace)) {
                throw new SdpException("field '" + field + "' of " + type + "= line is empty or contains whitespace");
            }
            if (i > 0) {
                out.append(' ');
            }
            out.append(field);
        }
        out.append(CRLF);
        return this;
    }

    /** Writes {@code a=name} or {@code a=name:value} (value null or empty: flag attribute). */
    SdpLineWriter attribute(String name, String value) {
        if (value == null || value.isEmpty()) {
            return line('a', name);
        }
        return line('a', String.join(":", name, value));
    }

    private static String checked(char type, String field) {
        if (field == null) {
            throw new SdpException("null field in " + type + "= line");
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                throw new SdpException("line break or NUL inside " + type + "= line value");
            }
        }
        return field;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
