package io.gbgate.gateway.config;

import io.gbgate.gateway.clip.ClipService;
import io.gbgate.gateway.control.DeviceTargets;
import io.gbgate.gateway.device.DeviceEventRecorder;
import io.gbgate.gateway.device.SubscriptionProperties;
import io.gbgate.gateway.history.DownloadService;
import io.gbgate.gateway.history.PlaybackControls;
import io.gbgate.gateway.stream.StreamService;
import io.gbgate.sip.platform.SipPlatform;
import io.gbgate.storage.ChannelRepository;
import io.gbgate.storage.DeviceRepository;
import io.gbgate.storage.download.DownloadRepository;
import io.gbgate.storage.event.AlarmRepository;
import io.gbgate.storage.event.PositionRepository;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of device control, history (playback controls, downloads) and device events (subscriptions, alarms,
 * positions). The {@link DeviceEventRecorder} is a platform listener: {@link GatewayConfiguration} hands it
 * the SIP platform's events after the device state recorder.
 */
@Configuration(proxyBeanMethods = false)
public class DeviceControlConfiguration {

    @Bean
    DeviceTargets deviceTargets(DeviceRepository devices, ChannelRepository channels) {
        return new DeviceTargets(devices, channels);
    }

    @Bean
    @DependsOnDatabaseInitialization
    AlarmRepository alarmRepository(DataSource dataSource) {
        return new AlarmRepository(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    PositionRepository positionRepository(DataSource dataSource) {
        return new PositionRepository(dataSource);
    }

    /** Must not need the SIP platform at creation: the platform is built with it as a listener. */
    @Bean
    DeviceEventRecorder deviceEventRecorder(SubscriptionProperties settings, ObjectProvider<SipPlatform> sip,
                                            ObjectProvider<StreamService> streams, ChannelRepository channels,
                                            AlarmRepository alarms, PositionRepository positions,
                                            ApplicationEventPublisher events, Clock clock) {
        return new DeviceEventRecorder(settings, sip::getObject, streams::getObject, channels, alarms, positions,
                events, clock);
    }

    @Bean
    PlaybackControls playbackControls(StreamService streams, SipPlatform sip) {
        return new PlaybackControls(streams, sip);
    }

    @Bean
    @DependsOnDatabaseInitialization
    DownloadRepository downloadRepository(DataSource dataSource, Clock clock) {
        return new DownloadRepository(dataSource, clock);
    }

    @Bean(destroyMethod = "close")
    DownloadService downloadService(StreamService streams, ClipService clips, DownloadRepository downloads,
                                    GbgateProperties props) {
        return new DownloadService(streams, clips, downloads, props.dataDir());
    }
}
