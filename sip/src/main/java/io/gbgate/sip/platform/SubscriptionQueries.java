package io.gbgate.sip.platform;

import io.gbgate.sip.manscdp.AlarmQuery;
import io.gbgate.sip.manscdp.CatalogQuery;
import io.gbgate.sip.manscdp.ManscdpMessage;
import io.gbgate.sip.manscdp.MobilePositionQuery;
import java.util.function.LongFunction;

/** The MANSCDP query body of a SUBSCRIBE of each {@link SubscriptionKind}. */
final class SubscriptionQueries {

    /** Seconds between position notifies asked for (the standard's default). */
    static final int POSITION_INTERVAL_SECONDS = 5;

    private SubscriptionQueries() {
    }

    static LongFunction<ManscdpMessage> forKind(SubscriptionKind kind, String deviceId) {
        return switch (kind) {
            case CATALOG -> sn -> new CatalogQuery(sn, deviceId);
            case ALARM -> sn -> AlarmQuery.all(sn, deviceId);
            case MOBILE_POSITION -> sn -> new MobilePositionQuery(sn, deviceId, POSITION_INTERVAL_SECONDS);
        };
    }
}
