package io.gbgate.sip.device;

import io.gbgate.sip.manscdp.CatalogItem;
import io.gbgate.sip.manscdp.CatalogQuery;
import io.gbgate.sip.manscdp.CatalogResponse;
import java.util.List;

/** Catalog: the configured channels split over several MESSAGEs (SumNum = all channels). */
final class CatalogQueryAnswer implements DeviceMessageHandler<CatalogQuery> {

    private final DeviceAnswers answers;

    CatalogQueryAnswer(DeviceAnswers answers) {
        this.answers = answers;
    }

    @Override
    public Class<CatalogQuery> type() {
        return CatalogQuery.class;
    }

    @Override
    public void handle(CatalogQuery query) {
        SipDeviceConfig config = answers.config();
        List<CatalogItem> channels = config.channels();
        int step = config.catalogItemsPerMessage();
        if (channels.isEmpty()) {
            answers.send(new CatalogResponse(query.sn(), config.deviceId(), 0, List.of()));
        }
        int end = answers.incomplete() ? Math.min(step, channels.size()) : channels.size();
        for (int from = 0; from < end; from += step) {
            List<CatalogItem> part = channels.subList(from, Math.min(channels.size(), from + step));
            answers.send(new CatalogResponse(query.sn(), config.deviceId(), channels.size(), part));
        }
    }
}
