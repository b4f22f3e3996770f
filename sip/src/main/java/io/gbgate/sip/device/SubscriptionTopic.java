package io.gbgate.sip.device;

import java.util.Locale;
import java.util.Optional;

/** What a platform subscribed to at the device, from the SUBSCRIBE body's CmdType. */
public enum SubscriptionTopic {
    /** Catalog changes (Notify Catalog with Event per item). */
    CATALOG("Catalog"),
    /** Alarms (Notify Alarm). */
    ALARM("Alarm"),
    /** Positions (Notify MobilePosition). */
    MOBILE_POSITION("MobilePosition");

    private final String cmdType;

    SubscriptionTopic(String cmdType) {
        this.cmdType = cmdType;
    }

    /** The CmdType of the subscription query and of the NOTIFY bodies. */
    public String cmdType() {
        return cmdType;
    }

    /** The topic of a query CmdType (case ignored). */
    public static Optional<SubscriptionTopic> ofCmdType(String cmdType) {
        for (SubscriptionTopic topic : values()) {
            if (topic.cmdType.toLowerCase(Locale.ROOT).equals(cmdType.toLowerCase(Locale.ROOT))) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }
}
