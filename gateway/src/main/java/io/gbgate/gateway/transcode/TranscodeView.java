package io.gbgate.gateway.transcode;

import io.gbgate.media.transcode.TranscoderStats;

/**
 * A stream's H.265 to H.264 transcoder as the API shows it.
 *
 * @param viewers the outputs (WHEP sessions, FLV subscribers, HLS) using it now
 * @param stats   what it did so far: frames, drops, errors, mean work and latency
 */
public record TranscodeView(int viewers, TranscoderStats stats) {
}
