package io.gbgate.gateway.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.device.DeviceStateRecorder;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.storage.webhook.WebhookOutbox;
import io.gbgate.storage.webhook.WebhookSubscriptionRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Webhook subscriptions, the durable outbox, its delivery worker and the device/stream hooks. */
@Configuration(proxyBeanMethods = false)
public class WebhookConfiguration {
    /** How often running streams are compared with the last tick for stream hooks. */

    @Bean
    @DependsOnDatabaseInitialization
    WebhookSubscriptionRepository webhookSubscriptionRepository(DataSource dataSource, Clock clock) {
        return new WebhookSubscriptionRepository(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    WebhookOutbox webhookOutbox(DataSource dataSource, Clock clock) {
        return new WebhookOutbox(dataSource, clock);
    }

    @Bean
    WebhookTargets webhookTargets(WebhooksProperties props) {
        return new WebhookTargets(props.allowLoopback());
    }

    @Bean(destroyMethod = "close")
    WebhookDeliveryWorker webhookDeliveryWorker(WebhookOutbox outbox, WebhookSubscriptionRepository subscriptions,
                                                WebhookTargets targets, WebhooksProperties props, Clock clock) {
        WebhookDeliveryWorker worker = new WebhookDeliveryWorker(outbox, subscriptions, targets, props, clock);
        worker.start();
        return worker;
    }

    @Bean
    WebhookPublisher webhookPublisher(WebhookSubscriptionRepository subscriptions, WebhookOutbox outbox,
                                      ObjectMapper objectMapper, Clock clock, WebhookDeliveryWorker worker) {
        return new WebhookPublisher(subscriptions, outbox, objectMapper, clock, worker::wake);
    }

    @Bean
    DeviceHooks deviceHooks(WebhookPublisher publisher, DeviceStateRecorder recorder) {
        DeviceHooks hooks = new DeviceHooks(publisher);
        recorder.addStateListener(hooks);
        return hooks;
    }

    @Bean
    ClipHooks clipHooks(WebhookPublisher publisher, ClipService clips) {
        ClipHooks hooks = new ClipHooks(publisher);
        clips.addListener(hooks);
        return hooks;
    }

    @Bean
    StreamHooks streamHooks(StreamService streams, WebhookPublisher publisher) {
        StreamHooks hooks = new StreamHooks(publisher);
        streams.addLifecycleListener(hooks);
        return hooks;
    }
}
