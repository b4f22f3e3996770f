package io.gbgate.media.ingest;

import io.gbgate.media.AccessUnit;
import java.net.InetSocketAddress;

/** Milestones of one ingest, for play diagnosis. Called on the ingest thread; must not block. */
public interface IngestObserver {

    /** The first RTP packet arrived, from {@code sender} with {@code ssrc}. */
    default void firstPacket(InetSocketAddress sender, long ssrc) {
    }

    /** The first decodable keyframe came out of the demuxer. */
    default void firstKeyframe(AccessUnit keyframe) {
    }

    IngestObserver NONE = new IngestObserver() {
    };
}
