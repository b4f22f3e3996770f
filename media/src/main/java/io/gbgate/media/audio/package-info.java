/**
 * Camera audio for the outputs that cannot carry it as sent: G.711 A-law/µ-law expansion ({@link
 * io.gbgate.media.audio.G711}), FFmpeg's AAC-LC encoder ({@link io.gbgate.media.audio.AacEncoder}) and the
 * per-stream conversion of G.711 units into ADTS AAC units ({@link io.gbgate.media.audio.G711ToAac}) that the
 * ingest publishes next to the G.711 for MPEG-TS HLS, recordings and clips.
 */
package io.gbgate.media.audio;
