package io.gbgate.media.source;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.global.avutil;

/** Turns negative libav* return codes into exceptions carrying FFmpeg's own message. */
public final class FfmpegErrors {
    private static final int MESSAGE_CAPACITY = 256;

    private FfmpegErrors() {
    }

    /** Returns {@code result} when it is not negative, else throws naming {@code call}. */
    public static int check(int result, String call) {
        if (result < 0) {
            throw new IllegalStateException(call + " failed: " + describe(result));
        }
        return result;
    }

    public static String describe(int error) {
        byte[] message = new byte[MESSAGE_CAPACITY];
        if (avutil.av_strerror(error, message, message.length) < 0) {
            return "error " + error;
        }
        int length = 0;
        while (length < message.length && message[length] != 0) {
            length++;
        }
        return new String(message, 0, length, StandardCharsets.UTF_8) + " (" + error + ")";
    }
}
