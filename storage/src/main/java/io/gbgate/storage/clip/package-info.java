/**
 * Clip export: {@link io.gbgate.storage.clip.ClipJobs} runs {@link io.gbgate.storage.clip.ClipExporter}, which
 * remuxes the recorded segments of a time range into a fast-start MP4 without re-encoding; state and progress live
 * in {@link io.gbgate.storage.clip.ClipRepository}. Uploading the finished file is left to the caller.
 */
package io.gbgate.storage.clip;
