package io.gbgate.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Event-mode recording ({@code gbgate.event-recording.*}): the pre-roll buffer each event-mode channel keeps.
 *
 * @param lateTriggerSlack how much older than now an event's time may be and still get its full pre-roll (the
 *                         buffer keeps pre-roll plus this)
 * @param maxBufferSize    memory bound of one channel's pre-roll buffer; beyond it the oldest GOPs are dropped
 */
@ConfigurationProperties("gbgate.event-recording")
public record EventRecordingProperties(
        @DefaultValue("10s") java.time.Duration lateTriggerSlack,
        @DefaultValue("64MB") DataSize maxBufferSize) {
}
