/**
 * Low-latency HLS (RFC 8216bis) and plain HLS with fMP4 segments, over one output per stream.
 *
 * <p>{@link io.gbgate.media.llhls.LlHlsOutput} is a hub sink: {@code LlHlsPackager} cuts the video
 * access units into parts (one fMP4 fragment each, INDEPENDENT when they start with a keyframe)
 * and segments (their parts in a row, cut at keyframes) through the {@code fmp4} muxer;
 * {@code LlHlsWindow} is the immutable snapshot readers see; {@code LlHlsPlaylist} renders it as an
 * LL-HLS or a plain fMP4 playlist; {@code PartWaiters} holds blocking reloads and preload-hinted
 * part requests as futures, completed off the ingest thread. {@link io.gbgate.media.llhls.BlockingReload}
 * and {@link io.gbgate.media.llhls.LlHlsNames} parse what clients ask for. Video only (H.264 avc1,
 * H.265 hvc1, carried untouched); audio is not carried.
 */
package io.gbgate.media.llhls;
