package io.gbgate.gateway.event;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gbgate.events.*}: evidence of governance events and the face-hit rules. Documented in
 * {@code config/application.yml}.
 *
 * @param preRoll               a face hit's clip starts this long before the hit
 * @param postRoll              ... and ends this long after it
 * @param clipSettle            a clip is exported this long after its end, once the recorder closed the segments
 * @param evidencePollInterval  how often pending clips are submitted and checked
 * @param closedStatuses        event statuses (ignoring case) that make an event closed for new face hits
 * @param snapshotCacheTtl      a channel's snapshot is served again for this long
 * @param snapshotTimeout       how long taking a snapshot may last (stream start included)
 * @param maxFaceHitBody        largest accepted face-hit request body
 * @param maxNearbyChannels     most channels one nearby-clips call attaches
 * @param faceHits              the face-hit rules
 * @param alarms                the device-alarm rules
 */
@ConfigurationProperties("gbgate.events")
public record EventsProperties(
        @DefaultValue("10s") Duration preRoll,
        @DefaultValue("10s") Duration postRoll,
        @DefaultValue("10s") Duration clipSettle,
        @DefaultValue("1s") Duration evidencePollInterval,
        @DefaultValue({"closed", "resolved", "finished", "cancelled"}) List<String> closedStatuses,
        @DefaultValue("3s") Duration snapshotCacheTtl,
        @DefaultValue("15s") Duration snapshotTimeout,
        @DefaultValue("2MB") DataSize maxFaceHitBody,
        @DefaultValue("20") int maxNearbyChannels,
        @DefaultValue FaceHits faceHits,
        @DefaultValue Alarms alarms) {

    /**
     * Face-hit rules.
     *
     * @param threshold   lowest similarity that links a hit, unless its watch list says otherwise
     * @param dedupWindow a hit of the same person on the same channel within this of a linked one is a duplicate
     * @param actions     what a hit is linked to, tried in order (given, open, create)
     * @param watchLists  per watch list: its own threshold and/or actions
     */
    public record FaceHits(
            @DefaultValue("0.8") double threshold,
            @DefaultValue("60s") Duration dedupWindow,
            @DefaultValue({"given", "open", "create"}) List<FaceHitAction> actions,
            Map<String, WatchList> watchLists) {

        /** Validates thresholds. */
        public FaceHits {
            requireScore(threshold, "gbgate.events.face-hits.threshold");
            watchLists = watchLists == null ? Map.of() : Map.copyOf(watchLists);
            watchLists.forEach((name, list) -> {
                if (list.threshold() != null) {
                    requireScore(list.threshold(), "gbgate.events.face-hits.watch-lists." + name + ".threshold");
                }
            });
        }

        /** The threshold that applies to {@code watchList}. */
        public double thresholdOf(String watchList) {
            WatchList list = watchLists.get(watchList.toLowerCase(Locale.ROOT));
            return list != null && list.threshold() != null ? list.threshold() : threshold;
        }

        /** The actions that apply to {@code watchList}. */
        public List<FaceHitAction> actionsOf(String watchList) {
            WatchList list = watchLists.get(watchList.toLowerCase(Locale.ROOT));
            return list != null && list.actions() != null && !list.actions().isEmpty() ? list.actions() : actions;
        }

        private static void requireScore(double value, String name) {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " must be between 0 and 1: " + value);
            }
        }
    }

    /** Rules of one watch list (keys are lower case); unset fields fall back to the defaults. */
    public record WatchList(Double threshold, List<FaceHitAction> actions) {
    }

    /**
     * Device-alarm rules. Every alarm is sent as an {@code alarm} hook; one that matches (method, type and priority
     * all match) is also linked to the most recently changed open event of its channel, or opens a new event, with a
     * snapshot and a clip around the time the gateway received it.
     *
     * @param openEvents     whether matching alarms are linked to events at all
     * @param methods        alarm method codes that match (1 phone .. 7 other); empty: every method
     * @param types          alarm types that match; empty: every type
     * @param lowestPriority the lowest priority that matches (1 highest .. 4); an alarm without priority matches
     * @param joinOpen       link to an open event of the channel when there is one (else always a new event)
     * @param preRoll        the clip starts this long before the alarm was received
     * @param postRoll       ... and ends this long after it
     * @param snapshot       whether a live snapshot is attached as well
     */
    public record Alarms(
            @DefaultValue("false") boolean openEvents,
            @DefaultValue List<String> methods,
            @DefaultValue List<String> types,
            @DefaultValue("4") int lowestPriority,
            @DefaultValue("true") boolean joinOpen,
            @DefaultValue("10s") Duration preRoll,
            @DefaultValue("20s") Duration postRoll,
            @DefaultValue("true") boolean snapshot) {

        /** Copies the lists. */
        public Alarms {
            methods = methods == null ? List.of() : List.copyOf(methods);
            types = types == null ? List.of() : List.copyOf(types);
        }

        /** Whether an alarm with these fields opens or joins an event. */
        public boolean matches(String method, String type, Integer priority) {
            return openEvents
                    && (methods.isEmpty() || methods.contains(method))
                    && (types.isEmpty() || types.contains(type))
                    && (priority == null || priority <= lowestPriority);
        }
    }
}
