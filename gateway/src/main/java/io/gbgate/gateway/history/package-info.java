/**
 * Recordings kept on devices: RecordInfo search, playback streams with MANSRTSP controls
 * ({@link io.gbgate.gateway.history.PlaybackControls}) and downloads saved as clips
 * ({@link io.gbgate.gateway.history.DownloadService}).
 */
package io.gbgate.gateway.history;
