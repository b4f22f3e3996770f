/**
 * GB/T 28181 front-end device control ({@code PTZCmd}, appendix A.3): {@link io.gbgate.sip.ptz.PtzCmd} encodes and
 * decodes the 8-byte hex command; {@link io.gbgate.sip.ptz.PtzInstruction} and its records are the typed
 * instructions (moves, focus/iris, presets, cruise, scan, auxiliary switches) with range-checked builders.
 */
package io.gbgate.sip.ptz;
