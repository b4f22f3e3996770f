package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.ManscdpMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Delivers device events as subscription NOTIFYs and/or MESSAGEs. */
final class DeviceEvents {

    private final ServerRequests requests;
    private final DeviceSubscriptions subscriptions;

    DeviceEvents(ServerRequests requests, DeviceSubscriptions subscriptions) {
        this.requests = requests;
        this.subscriptions = subscriptions;
    }

    /**
     * Sends {@code event} of {@code topic} as {@code delivery} says; fails when a MESSAGE is refused or
     * unanswered, or when NOTIFY delivery was asked for and no subscriber took it.
     */
    CompletableFuture<Void> deliver(SubscriptionTopic topic, ManscdpMessage event, EventDelivery delivery) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        if (delivery != EventDelivery.MESSAGE) {
            sent.add(subscriptions.notifySubscribers(topic, event).thenAccept(accepted -> {
                if (accepted == 0) {
                    throw new IllegalStateException("no " + topic + " subscriber took the NOTIFY");
                }
            }));
        }
        if (delivery != EventDelivery.SUBSCRIBERS) {
            sent.add(requests.sendManscdp(event));
        }
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new));
    }
}
