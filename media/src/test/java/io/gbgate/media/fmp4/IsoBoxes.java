package io.gbgate.media.fmp4;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper (shared with the LL-HLS tests): a minimal ISO BMFF box reader (32-bit sizes only, which is all the muxer writes). */
public record IsoBoxes(List<Box> boxes) {

    /** One box: its type, where it starts in the parsed array, its total size and its payload. */
    public record Box(String type, int offset, int size, byte[] file) {
        public int payloadOffset() {
            return offset + 8;
        }

        public int payloadSize() {
            return size - 8;
        }

        /** Children of a container box whose payload starts {@code skip} bytes in (e.g. after a full-box header). */
        public IsoBoxes children(int skip) {
            return parse(file, payloadOffset() + skip, offset + size);
        }

        public IsoBoxes children() {
            return children(0);
        }

        public ByteBuffer payload() {
            return ByteBuffer.wrap(file, payloadOffset(), payloadSize()).slice();
        }
    }

    /** Parses the boxes in {@code file[from, to)}, failing when the sizes do not add up exactly. */
    public static IsoBoxes parse(byte[] file, int from, int to) {
        List<Box> boxes = new ArrayList<>();
        int at = from;
        while (at < to) {
            if (to - at < 8) {
                throw new AssertionError("truncated box header at " + at);
            }
            int size = ByteBuffer.wrap(file, at, 4).getInt();
            String type = new String(file, at + 4, 4, StandardCharsets.US_ASCII);
            if (size < 8 || at + size > to) {
                throw new AssertionError("box " + type + " at " + at + " has size " + size + " beyond " + to);
            }
            boxes.add(new Box(type, at, size, file));
            at += size;
        }
        return new IsoBoxes(boxes);
    }

    public static IsoBoxes parse(byte[] file) {
        return parse(file, 0, file.length);
    }

    public List<String> types() {
        return boxes.stream().map(Box::type).toList();
    }

    public Box first(String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + types()));
    }

    public List<Box> all(String type) {
        return boxes.stream().filter(b -> b.type().equals(type)).toList();
    }
}
