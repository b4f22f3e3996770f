package io.gbgate.sip.ptz;

/**
 * The instruction carried in bytes 4 to 7 of a GB/T 28181 {@code PTZCmd} (appendix A.3): a pan/tilt/zoom move or
 * stop, a focus/iris change, a preset, cruise, scan or auxiliary switch operation. Wrap one in {@link PtzCmd} with
 * the camera address to get the hex string.
 */
public sealed interface PtzInstruction permits PtzMove, PtzFocusIris, PtzPreset, PtzCruise, PtzScan, PtzAuxSwitch {
}
