package io.gbgate.media.flv;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes the AMF0 values (AMF0 spec 2.2 onwards) an FLV script tag needs: strings, numbers,
 * booleans and an ECMA array of named properties. Not thread-safe.
 */
final class Amf0Writer {
    private static final int NUMBER = 0x00;
    private static final int BOOLEAN = 0x01;
    private static final int STRING = 0x02;
    private static final int ECMA_ARRAY = 0x08;
    private static final int OBJECT_END = 0x09;

    private final ByteBuf out;
    private int countIndex = -1;
    private int count;

    Amf0Writer(ByteBuf out) {
        this.out = out;
    }

    Amf0Writer string(String value) {
        out.writeByte(STRING);
        utf8(value);
        return this;
    }

    /** Starts an ECMA array; add {@link #property}s, then {@link #endEcmaArray}. */
    Amf0Writer beginEcmaArray() {
        if (countIndex >= 0) {
            throw new IllegalStateException("nested ECMA arrays are not supported");
        }
        out.writeByte(ECMA_ARRAY);
        countIndex = out.writerIndex();
        count = 0;
        out.writeInt(0);
        return this;
    }

    Amf0Writer property(String name, double value) {
        name(name);
        out.writeByte(NUMBER);
        out.writeDouble(value);
        return this;
    }

    Amf0Writer property(String name, boolean value) {
        name(name);
        out.writeByte(BOOLEAN);
        out.writeByte(value ? 1 : 0);
        return this;
    }

    Amf0Writer property(String name, String value) {
        name(name);
        string(value);
        return this;
    }

    Amf0Writer endEcmaArray() {
        if (countIndex < 0) {
            throw new IllegalStateException("no open ECMA array");
        }
        out.setInt(countIndex, count);
        out.writeShort(0); // empty name
        out.writeByte(OBJECT_END);
        countIndex = -1;
        return this;
    }

    private void name(String name) {
        if (countIndex < 0) {
            throw new IllegalStateException("property outside an ECMA array");
        }
        count++;
        utf8(name);
    }

    private void utf8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("AMF0 short string of " + bytes.length + " bytes");
        }
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }
}
