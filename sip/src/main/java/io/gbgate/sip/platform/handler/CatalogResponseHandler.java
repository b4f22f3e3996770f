package io.gbgate.sip.platform.handler;

import io.gbgate.sip.manscdp.CatalogChange;
import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.CatalogResponse;
import io.gbgate.sip.platform.PlatformListener;
import io.gbgate.sip.platform.RegisteredDevice;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Catalog answers, which devices split over several MESSAGEs with the same SN: items are collected
 * per SN until SumNum is reached. While a round is incomplete the known list only grows (new items
 * are merged in); a complete round replaces the known list, so it shrinks only when the device
 * itself reported fewer items.
 */
public final class CatalogResponseHandler implements ManscdpCommandHandler<CatalogResponse> {

    /** Rounds kept per device; older unfinished rounds are dropped. */
    private static final int MAX_OPEN_ROUNDS = 4;

    private final Map<String, DeviceCatalog> catalogs = new ConcurrentHashMap<>();
    private final PendingAnswers pending;
    private final PlatformListener listener;

    /** Creates the handler. */
    public CatalogResponseHandler(PendingAnswers pending, PlatformListener listener) {
        this.pending = pending;
        this.listener = listener;
    }

    @Override
    public Class<CatalogResponse> type() {
        return CatalogResponse.class;
    }

    @Override
    public void handle(RegisteredDevice device, CatalogResponse message) {
        DeviceCatalog catalog = catalogs.computeIfAbsent(device.deviceId(), id -> new DeviceCatalog());
        List<CatalogItem> snapshot;
        boolean complete;
        synchronized (catalog) { // the listener hears the device's answers one at a time, in the order applied
            complete = catalog.add(message);
            snapshot = List.copyOf(catalog.known.values());
            listener.catalog(device.deviceId(), snapshot, message.sumNum());
        }
        if (complete) {
            pending.complete(new PendingAnswers.Key(device.deviceId(), CatalogResponse.CMD_TYPE, message.sn()),
                    snapshot);
        }
    }

    /**
     * Applies notified changes to the known list: DEL removes the item, ON / OFF sent without the
     * item's details only change the known item's status, every other change stores the item as sent.
     */
    public void apply(String deviceId, List<CatalogChange> changes) {
        DeviceCatalog catalog = catalogs.computeIfAbsent(deviceId, id -> new DeviceCatalog());
        synchronized (catalog) {
            for (CatalogChange change : changes) {
                CatalogItem item = change.item();
                switch (change.event()) {
                    case DEL -> catalog.known.remove(item.deviceId());
                    case ON, OFF -> catalog.known.merge(item.deviceId(), item, (old, sent) -> sent.name() != null
                            ? sent : withStatus(old, change.event().name()));
                    default -> catalog.known.put(item.deviceId(), item);
                }
            }
        }
    }

    private static CatalogItem withStatus(CatalogItem item, String status) {
        return new CatalogItem(item.deviceId(), item.name(), item.manufacturer(), item.model(), item.owner(),
                item.civilCode(), item.address(), item.parental(), item.parentId(), item.registerWay(),
                item.secrecy(), status, item.longitude(), item.latitude(), item.ptzType());
    }

    /** Known channels of a device. */
    public List<CatalogItem> channels(String deviceId) {
        DeviceCatalog catalog = catalogs.get(deviceId);
        if (catalog == null) {
            return List.of();
        }
        synchronized (catalog) {
            return List.copyOf(catalog.known.values());
        }
    }

    /** IDs of the known channels of a device. */
    public List<String> channelIds(String deviceId) {
        return channels(deviceId).stream().map(CatalogItem::deviceId).toList();
    }

    /** Forgets a device's catalog (unregister). */
    public void forget(String deviceId) {
        catalogs.remove(deviceId);
    }

    /** Catalog state of one device; guarded by its own monitor. */
    private static final class DeviceCatalog {
        private final Map<String, CatalogItem> known = new LinkedHashMap<>();
        private final Map<Long, Map<String, CatalogItem>> rounds = new LinkedHashMap<>();

        /** Adds one answer; returns true when its round reached SumNum. */
        boolean add(CatalogResponse message) {
            Map<String, CatalogItem> round = rounds.computeIfAbsent(message.sn(), sn -> new LinkedHashMap<>());
            for (CatalogItem item : message.items()) {
                round.put(item.deviceId(), item);
            }
            if (round.size() >= message.sumNum()) {
                rounds.remove(message.sn());
                known.clear();
                known.putAll(round);
                return true;
            }
            known.putAll(round);
            dropOldRounds();
            return false;
        }

        private void dropOldRounds() {
            Iterator<Long> oldest = new ArrayList<>(rounds.keySet()).iterator();
            while (rounds.size() > MAX_OPEN_ROUNDS && oldest.hasNext()) {
                rounds.remove(oldest.next());
            }
        }
    }
}
