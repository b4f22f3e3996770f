package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.BasicParam;
import io.gbgate.sip.manscdp.PresetItem;
import io.gbgate.sip.manscdp.RecordItem;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the simulated device remembers and how it answers: presets (set and deleted by PTZ commands),
 * basic parameters (changed by DeviceConfig), the recordings RecordInfo reports, the answer mode and
 * the log of received controls. Thread-safe.
 */
public final class DeviceState {

    private final DeviceControlLog controls = new DeviceControlLog();
    private final TreeMap<Integer, PresetItem> presets = new TreeMap<>();
    private BasicParam basicParam;
    private List<RecordItem> records = List.of();
    private int recordItemsPerMessage = 2;
    private DeviceAnswerMode answerMode = DeviceAnswerMode.NORMAL;
    private boolean recording;

    DeviceState(BasicParam initial) {
        this.basicParam = initial;
    }

    /** The controls received. */
    public DeviceControlLog controls() {
        return controls;
    }

    /** How the device answers from now on. */
    public synchronized void answerMode(DeviceAnswerMode mode) {
        this.answerMode = Objects.requireNonNull(mode, "mode");
    }

    /** The current answer mode. */
    public synchronized DeviceAnswerMode answerMode() {
        return answerMode;
    }

    /** The recordings RecordInfo reports (filtered by the query's window), and how many go into one MESSAGE. */
    public synchronized void records(List<RecordItem> items, int itemsPerMessage) {
        if (itemsPerMessage < 1) {
            throw new IllegalArgumentException("itemsPerMessage must be positive: " + itemsPerMessage);
        }
        this.records = List.copyOf(items);
        this.recordItemsPerMessage = itemsPerMessage;
    }

    /** The configured recordings. */
    public synchronized List<RecordItem> records() {
        return records;
    }

    synchronized int recordItemsPerMessage() {
        return recordItemsPerMessage;
    }

    /** The presets, by number. */
    public synchronized List<PresetItem> presets() {
        return List.copyOf(presets.values());
    }

    synchronized void setPreset(int index) {
        presets.put(index, new PresetItem(index, "Preset " + index));
    }

    synchronized void deletePreset(int index) {
        presets.remove(index);
    }

    /** The current basic parameters. */
    public synchronized BasicParam basicParam() {
        return basicParam;
    }

    /** Applies the non-null fields of {@code changes}. */
    synchronized void configure(BasicParam changes) {
        basicParam = new BasicParam(
                changes.name() != null ? changes.name() : basicParam.name(),
                changes.expiration() != null ? changes.expiration() : basicParam.expiration(),
                changes.heartBeatInterval() != null ? changes.heartBeatInterval() : basicParam.heartBeatInterval(),
                changes.heartBeatCount() != null ? changes.heartBeatCount() : basicParam.heartBeatCount());
    }

    /** Whether manual recording was started (RecordCmd). */
    public synchronized boolean recording() {
        return recording;
    }

    synchronized void recording(boolean on) {
        recording = on;
    }
}
