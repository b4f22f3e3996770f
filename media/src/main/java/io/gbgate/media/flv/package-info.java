/**
 * HTTP-FLV and WebSocket-FLV output, as flv.js / mpegts.js and most Chinese web players expect.
 *
 * <p>{@link io.gbgate.media.flv.FlvMuxer} turns access units into FLV tags: H.264 as AVC video
 * tags (AVCDecoderConfigurationRecord sequence header, 4-byte length-prefixed NAL units,
 * composition time {@code pts - dts}), H.265 as enhanced RTMP/FLV with the {@code hvc1} FourCC,
 * AAC with its AudioSpecificConfig taken from the ADTS header, G.711 A-law/µ-law as sound formats
 * 7/8. Timestamps start at 0 on the first keyframe and only move forward.
 *
 * <p>{@link io.gbgate.media.flv.FlvSink} is the {@link io.gbgate.media.hub.StreamSink} the gateway
 * attaches to a stream hub: it muxes once and fans the bytes out to
 * {@link io.gbgate.media.flv.FlvSubscriber}s through bounded
 * {@link io.gbgate.media.flv.FlvSubscription} queues that the transport (servlet async output,
 * WebSocket) drains at its own pace. Late joiners start at the cached GOP's keyframe; a viewer
 * that falls too far behind is dropped and counted, the ingest thread never waits.
 */
package io.gbgate.media.flv;
