package io.gbgate.gateway.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The harness's streams as GET /api/streams showed them at one moment: how many are ready, RTP
 * packets and losses summed, ingest bit rate summed, frame rates, transports in use.
 */
record StreamsSnapshot(int listed, int ready, long rtpPackets, long rtpLost, long bitsPerSecond,
                       List<Double> framesPerSecond, Map<String, Integer> transports, Map<String, Rtp> perStream) {

    /** One stream's RTP counters. */
    record Rtp(long packets, long lost) {
    }

    /** How loss was spread over the streams: how many lost anything, and the worst one's share. */
    record LossSpread(int streamsWithLoss, double worstPercent) {
    }

    /** Reads the streams of {@code channelIds} out of a GET /api/streams answer. */
    static StreamsSnapshot of(JsonNode streams, Collection<String> channelIds) {
        Set<String> ours = Set.copyOf(channelIds);
        int listed = 0;
        int ready = 0;
        long packets = 0;
        long lost = 0;
        long bits = 0;
        List<Double> fps = new ArrayList<>();
        Map<String, Integer> transports = new TreeMap<>();
        Map<String, Rtp> perStream = new HashMap<>();
        for (JsonNode stream : streams) {
            if (!ours.contains(stream.path("channelId").asText())) {
                continue;
            }
            listed++;
            Rtp rtp = new Rtp(stream.path("rtpPackets").asLong(), stream.path("rtpLost").asLong());
            perStream.put(stream.path("streamId").asText(), rtp);
            packets += rtp.packets();
            lost += rtp.lost();
            if ("ready".equals(stream.path("state").asText())) {
                ready++;
                bits += stream.path("bitrate").asLong();
                fps.add(stream.path("fps").asDouble());
                transports.merge(stream.path("transport").asText("?"), 1, Integer::sum);
            }
        }
        return new StreamsSnapshot(listed, ready, packets, lost, bits, fps.stream().sorted().toList(),
                Map.copyOf(transports), Map.copyOf(perStream));
    }

    /** Per-stream loss between {@code earlier} and this snapshot, over the streams listed in both. */
    LossSpread lossSpreadSince(StreamsSnapshot earlier) {
        int withLoss = 0;
        double worst = 0;
        for (Map.Entry<String, Rtp> entry : perStream.entrySet()) {
            Rtp before = earlier.perStream.get(entry.getKey());
            if (before == null) {
                continue;
            }
            long lostInWindow = entry.getValue().lost() - before.lost();
            long expected = entry.getValue().packets() - before.packets() + lostInWindow;
            if (lostInWindow > 0 && expected > 0) {
                withLoss++;
                worst = Math.max(worst, 100.0 * lostInWindow / expected);
            }
        }
        return new LossSpread(withLoss, worst);
    }

    /** Lost / (received + lost) between {@code earlier} and this snapshot, in percent. */
    double lossPercentSince(StreamsSnapshot earlier) {
        long lostInWindow = rtpLost - earlier.rtpLost;
        long expected = rtpPackets - earlier.rtpPackets + lostInWindow;
        return expected <= 0 ? 0 : 100.0 * lostInWindow / expected;
    }

    /** Median of the ready streams' frame rates, 0 when none. */
    double medianFps() {
        return framesPerSecond.isEmpty() ? 0 : framesPerSecond.get(framesPerSecond.size() / 2);
    }

    /** Lowest frame rate of a ready stream, 0 when none. */
    double minFps() {
        return framesPerSecond.isEmpty() ? 0 : framesPerSecond.get(0);
    }
}
