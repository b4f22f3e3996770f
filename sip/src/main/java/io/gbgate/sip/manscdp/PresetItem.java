package io.gbgate.sip.manscdp;

/**
 * One {@code PresetList/Item} of a PresetQuery response.
 *
 * @param presetId   preset number (1..255 on standard devices; not range-checked, devices differ)
 * @param presetName preset name, or null
 */
public record PresetItem(int presetId, String presetName) {

    public PresetItem {
        if (presetId < 0) {
            throw new IllegalArgumentException("PresetID must not be negative: " + presetId);
        }
    }
}
