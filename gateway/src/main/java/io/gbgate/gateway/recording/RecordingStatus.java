package io.gbgate.gateway.recording;

import io.gbgate.storage.recording.RecorderStats;
import io.gbgate.storage.recording.RetentionReport;
import io.gbgate.storage.recording.WriterStats;
import java.time.Instant;
import java.util.List;

/**
 * Recording as the API shows it: the disk alarm (null when recording can go on), free space, the
 * writer's counters, the last retention run, and each channel's recorder.
 */
public record RecordingStatus(String alarm, long diskFreeBytes, long minFreeBytes, WriterStats writer,
                              RetentionReport lastRetention, List<ChannelState> channels) {

    /**
     * One channel: its plan's mode; recording (for event mode: attached, buffering pre-roll, see {@code event}),
     * starting, waiting (retried) or interrupted, and why.
     */
    public record ChannelState(String channelId, String mode, String state, Instant since, String streamId,
                               RecorderStats recorder, EventRecordingStatus event, String lastError) {
    }
}
