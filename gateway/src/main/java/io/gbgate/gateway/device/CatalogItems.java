package io.gbgate.gateway.device;

import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.storage.ChannelRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalog items as devices send them, mapped to channel rows. Devices report odd values; each
 * tolerated oddity is handled here by name.
 */
final class CatalogItems {
    private static final Logger log = LoggerFactory.getLogger(CatalogItems.class);

    private CatalogItems() {
    }

    /** The channel row for {@code item}, or null (logged) when its ID cannot be stored. */
    static ChannelRecord toChannel(String deviceId, CatalogItem item) {
        try {
            return ChannelRecord.reported(deviceId, item.deviceId(), item.name(), item.manufacturer(), item.model(),
                    item.status(), isOnline(item.status()), validParent(item.parentId()), item.civilCode(),
                    item.address(), coordinate(item.longitude(), 180), coordinate(item.latitude(), 90),
                    item.ptzType());
        } catch (IllegalArgumentException e) {
            log.warn("device {}: catalog item {} skipped: {}", deviceId, item.deviceId(), e.getMessage());
            return null;
        }
    }

    /**
     * Status: the standard says ON/OFF; devices also send ONLINE/OFFLINE, lower case, or nothing
     * (then the channel is taken as online while its device is).
     */
    static boolean isOnline(String status) {
        if (status == null || status.isBlank()) {
            return true;
        }
        String s = status.trim().toUpperCase(java.util.Locale.ROOT);
        return s.equals("ON") || s.equals("ONLINE") || s.equals("OK");
    }

    /** Many devices report 0.0 or out-of-range coordinates for "unknown": stored as absent. */
    static Double coordinate(Double value, double limit) {
        if (value == null || value == 0.0 || Double.isNaN(value) || Math.abs(value) > limit) {
            return null;
        }
        return value;
    }

    /** Some devices put their own ID, empty text or garbage in ParentID: stored as absent if unusable. */
    static String validParent(String parentId) {
        if (parentId == null || parentId.isBlank() || parentId.length() > 32 || !parentId.matches("[0-9A-Za-z_/-]+")) {
            return null;
        }
        return parentId;
    }
}
