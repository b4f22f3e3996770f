package io.gbgate.gateway.history;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of history access ({@code gbgate.history.*}).
 *
 * @param deviceTimeZone the time zone devices keep their clocks in (GB/T 28181 devices use local time without
 *                       a zone); empty: the gateway's own zone. Used to turn API times into SDP {@code t=} seconds.
 */
@ConfigurationProperties("gbgate.history")
public record HistoryProperties(@DefaultValue("") String deviceTimeZone) {

    /** The zone device times are in. */
    public ZoneId zone() {
        return deviceTimeZone == null || deviceTimeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(deviceTimeZone);
    }
}
