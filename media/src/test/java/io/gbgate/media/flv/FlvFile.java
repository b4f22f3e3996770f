package io.gbgate.media.flv;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Test helper: parses an FLV byte stream into its header flags and tags, failing when the
 * framing is inconsistent (signature, header size, a PreviousTagSize that does not match).
 */
record FlvFile(int flags, List<Tag> tags) {

    /** One tag: type, timestamp in ms (extended bits included) and body. */
    record Tag(int type, long timestamp, byte[] body) {
        boolean isVideo() {
            return type == 9;
        }

        boolean isAudio() {
            return type == 8;
        }

        /** AVC: frame type 1 (key) and packet type 1 (NALU). */
        boolean isAvcKeyframe() {
            return isVideo() && (body[0] & 0xFF) == 0x17 && body[1] == 1;
        }

        boolean isAvcSequenceHeader() {
            return isVideo() && (body[0] & 0xFF) == 0x17 && body[1] == 0;
        }

        int compositionTime() {
            return (body[2] & 0xFF) << 16 | (body[3] & 0xFF) << 8 | (body[4] & 0xFF);
        }
    }

    static FlvFile parse(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] signature = new byte[3];
        in.get(signature);
        if (!Arrays.equals(signature, new byte[] {'F', 'L', 'V'}) || in.get() != 1) {
            throw new AssertionError("no FLV version 1 signature");
        }
        int flags = in.get() & 0xFF;
        if (in.getInt() != 9 || in.getInt() != 0) {
            throw new AssertionError("bad FLV header size or PreviousTagSize0");
        }
        List<Tag> tags = new ArrayList<>();
        while (in.hasRemaining()) {
            int start = in.position();
            int type = in.get() & 0xFF;
            int size = readMedium(in);
            long timestamp = readMedium(in) | (long) (in.get() & 0xFF) << 24;
            if (readMedium(in) != 0) {
                throw new AssertionError("stream id not 0 at " + start);
            }
            byte[] body = new byte[size];
            in.get(body);
            int previous = in.getInt();
            if (previous != size + 11) {
                throw new AssertionError("PreviousTagSize " + previous + " for a tag of " + size + " at " + start);
            }
            tags.add(new Tag(type, timestamp, body));
        }
        return new FlvFile(flags, tags);
    }

    List<Tag> video() {
        return tags.stream().filter(Tag::isVideo).toList();
    }

    List<Tag> audio() {
        return tags.stream().filter(Tag::isAudio).toList();
    }

    private static int readMedium(ByteBuffer in) {
        return (in.get() & 0xFF) << 16 | (in.get() & 0xFF) << 8 | (in.get() & 0xFF);
    }
}
