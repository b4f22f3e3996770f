package io.gbgate.media;

import io.netty.buffer.ByteBuf;

/**
 * One access unit: a complete video picture or an audio frame, the currency of the media plane.
 *
 * <p>Video payloads are Annex B (start code prefixed NAL units); a keyframe carries its parameter
 * sets (SPS/PPS, plus VPS for H.265) in front of the IDR/IRAP picture. Audio payloads are raw
 * frames (G.711 bytes, AAC with ADTS header). Timestamps are in 90 kHz units.
 *
 * <p>Ownership: whoever creates an access unit owns one reference to {@code data}. A consumer
 * that keeps it beyond the call in which it received it must {@link #retain()} it and later
 * {@link #release()} it.
 */
public record AccessUnit(Codec codec, long pts, long dts, boolean keyframe, ByteBuf data) {

    public AccessUnit retain() {
        data.retain();
        return this;
    }

    public boolean release() {
        return data.release();
    }

    public int size() {
        return data.readableBytes();
    }
}
