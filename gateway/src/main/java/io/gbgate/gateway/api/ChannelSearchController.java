package io.gbgate.gateway.api;

import io.gbgate.storage.ChannelQuery;
import io.gbgate.storage.ChannelRecord;
import io.gbgate.storage.ChannelRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Channels of every device in one list, searched and paged on the server: what an operator's camera picker
 * uses when a city has tens of thousands of cameras behind thousands of devices.
 */
@RestController
@RequestMapping("/api/channels")
@Tag(name = "devices")
public class ChannelSearchController {
    /** Page size when the request names none. */
    static final int DEFAULT_LIMIT = 200;

    private final ChannelRepository channels;

    public ChannelSearchController(ChannelRepository channels) {
        this.channels = channels;
    }

    /**
     * One page of channels.
     *
     * @param channels the channels, ordered by channel id then device id
     * @param next     the cursor of the next page ({@code after=}), or null on the last page
     */
    public record ChannelPage(List<ChannelRecord> channels, String next) {
    }

    @GetMapping
    @Operation(summary = "Channels of all devices, by channel id; q finds part of the name, id or address (any"
            + " case), online filters; pages of limit (1-1000), the next one from the cursor in 'next'")
    public ChannelPage search(@RequestParam(required = false) String q,
                              @RequestParam(required = false) Boolean online,
                              @Parameter(description = "the 'next' cursor of the previous page")
                              @RequestParam(required = false) String after,
                              @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        String[] cursor = cursor(after);
        ChannelQuery query = new ChannelQuery(q, online, cursor[0], cursor[1], limit);
        List<ChannelRecord> page = channels.search(query);
        ChannelRecord last = page.size() < limit ? null : page.get(page.size() - 1);
        return new ChannelPage(page, last == null ? null : last.channelId() + ":" + last.deviceId());
    }

    /** {channelId, deviceId} of a {@code next} cursor, or two nulls for the first page. */
    private static String[] cursor(String after) {
        if (after == null || after.isEmpty()) {
            return new String[2];
        }
        String[] ids = after.split(":", -1);
        if (ids.length != 2 || ids[0].isEmpty() || ids[1].isEmpty()) {
            throw new IllegalArgumentException("after must be the 'next' cursor of a previous page, was '" + after
                    + "'");
        }
        return ids;
    }
}
