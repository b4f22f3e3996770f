/**
 * Downloads of recorded video from devices: {@link io.gbgate.storage.download.DownloadRepository} keeps each one's
 * range, requester and state, so a download outlives the request that started it and a restart of the gateway.
 */
package io.gbgate.storage.download;
