package io.gbgate.sip.platform;

import io.gbgate.sip.manscdp.AlarmNotify;
import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.DeviceInfoResponse;
import io.gbgate.sip.manscdp.MediaStatusNotify;
import io.gbgate.sip.manscdp.MobilePositionNotify;
import java.time.Instant;
import java.util.List;

/**
 * Events of the platform role. All methods default to no-ops; they run on SIP or timer threads and
 * must return quickly.
 */
public interface PlatformListener {

    /** A device registered (first time or again after unregister/expiry). */
    default void deviceRegistered(RegisteredDevice device) {
    }

    /** A REGISTER was refused; {@code refusal} says who, from where and why. */
    default void registrationRefused(RegistrationRefusal refusal) {
    }

    /** A device unregistered with Expires 0. */
    default void deviceUnregistered(String deviceId) {
    }

    /** A device missed its keepalives or its registration ran out; its channels are offline too. */
    default void deviceOffline(String deviceId, String reason) {
    }

    /** Channels that went offline with their device (called right after {@link #deviceOffline}). */
    default void channelsOffline(String deviceId, List<String> channelIds) {
    }

    /** A keepalive arrived from a registered device. */
    default void keepalive(String deviceId, Instant at) {
    }

    /** A DeviceInfo answer arrived. */
    default void deviceInfo(String deviceId, DeviceInfoResponse info) {
    }

    /**
     * A Catalog answer arrived; {@code items} is the aggregated list of all items known for the
     * device (never fewer than before unless the device reported a smaller SumNum).
     */
    default void catalog(String deviceId, List<CatalogItem> items, int sumNum) {
    }

    /** The device hung up a call. */
    default void byeFromDevice(String callId, String deviceId, String reason) {
    }

    /**
     * Catalog changes a device notified (NOTIFY of a catalog subscription, or MESSAGE): each item with
     * its event (ADD / DEL / UPDATE / ON / OFF / VLOST / DEFECT). The platform's channel list
     * ({@link SipPlatform#channels}) already reflects them.
     */
    default void catalogChanged(String deviceId, List<CatalogChange> changes) {
    }

    /** An alarm a device notified (NOTIFY of an alarm subscription, or MESSAGE). */
    default void alarm(String deviceId, AlarmNotify alarm) {
    }

    /** A position a device notified (NOTIFY of a position subscription, or MESSAGE). */
    default void mobilePosition(String deviceId, MobilePositionNotify position) {
    }

    /**
     * A media status notification, e.g. {@link MediaStatusNotify#FILE_END} (121) when a playback or
     * download reached the end of the recording: the gateway can then hang up the call.
     *
     * @param callId     the call it concerns (matched by the MESSAGE's dialog, else by the only history
     *                   call on that channel), or null when no call matches
     * @param channelId  the channel named in the notification
     * @param notifyType the NotifyType code
     */
    default void mediaStatus(String deviceId, String callId, String channelId, int notifyType) {
    }

    /** A subscription ended without {@link SipPlatform#unsubscribe}: refresh refused or unanswered, or terminated. */
    default void subscriptionEnded(Subscription subscription, String reason) {
    }
}
