package io.gbgate.gateway.transcode;

import java.util.Locale;

/**
 * The video codec a viewer asked for with {@code ?codec=} on a media URL: {@code h264} gets H.264
 * (an H.265 stream is transcoded for it), {@code h265} or no parameter gets the stream as it is.
 */
public enum ClientCodec {
    AS_IS,
    H264;

    /**
     * Parses the query parameter (case-insensitive; absent or blank is {@link #AS_IS}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ClientCodec parse(String value) {
        if (value == null || value.isBlank()) {
            return AS_IS;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "h264", "avc" -> H264;
            case "h265", "hevc", "copy" -> AS_IS;
            default -> throw new IllegalArgumentException("unknown codec '" + value
                    + "': use codec=h264 (transcode H.265 for players without HEVC) or codec=h265 (as is)");
        };
    }
}
