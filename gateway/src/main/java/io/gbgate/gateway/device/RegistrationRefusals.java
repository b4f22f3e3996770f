package io.gbgate.gateway.device;

import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegistrationRefusal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The most recent refused REGISTERs, in memory, for whoever installs or builds a device and needs to see why
 * it does not come online (wrong password, realm, ID, too many failures); counted by reason in
 * {@code gbgate_sip_register_refused_total}.
 */
@Component
public class RegistrationRefusals implements PlatformListener {
    /** Refusals kept; older ones are dropped. */
    public static final int KEPT = 500;

    private final Deque<RegistrationRefusal> recent = new ArrayDeque<>();
    private final Map<RegistrationRefusal.Reason, Counter> counters = new EnumMap<>(RegistrationRefusal.Reason.class);

    public RegistrationRefusals(MeterRegistry meters) {
        for (RegistrationRefusal.Reason reason : RegistrationRefusal.Reason.values()) {
            counters.put(reason, Counter.builder("gbgate.sip.register.refused").tag("reason", reason.name())
                    .description("REGISTER requests refused, by reason").register(meters));
        }
    }

    @Override
    public void registrationRefused(RegistrationRefusal refusal) {
        counters.get(refusal.reason()).increment();
        synchronized (recent) {
            recent.addFirst(refusal);
            if (recent.size() > KEPT) {
                recent.removeLast();
            }
        }
    }

    /** Up to {@code limit} refusals, newest first, of {@code deviceId} (null: of every device). */
    public List<RegistrationRefusal> recent(String deviceId, int limit) {
        List<RegistrationRefusal> found = new ArrayList<>();
        synchronized (recent) {
            for (Iterator<RegistrationRefusal> it = recent.iterator(); it.hasNext() && found.size() < limit; ) {
                RegistrationRefusal refusal = it.next();
                if (deviceId == null || deviceId.equals(refusal.deviceId())) {
                    found.add(refusal);
                }
            }
        }
        return found;
    }
}
