package io.gbgate.media.ingest;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.audio.G711ToAac;
import io.gbgate.media.hub.StreamHub;
import io.gbgate.media.ps.PsDemuxStats;
import io.gbgate.media.ps.PsDemuxer;
import io.gbgate.media.rtp.RtpHeader;
import io.gbgate.media.rtp.RtpPacketListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.InetSocketAddress;

/**
 * The ingest of one GB28181 stream: in-order RTP payloads carry MPEG-PS; the PS demuxer turns
 * them into access units, which go to the stream's hub. Runs on the receiving event loop; keeps
 * no lock and allocates nothing per packet beyond the demuxer's pooled buffers.
 */
public final class PsOverRtpIngest implements RtpPacketListener {
    private final StreamHub hub;
    private final PsDemuxer demuxer;
    private final IngestObserver observer;
    private final G711ToAac aac;
    private volatile long lastPacketNanos;
    private volatile long packets;
    private volatile Codec audioCodec;
    private boolean firstPacketSeen;
    private boolean keyframeSeen;

    public PsOverRtpIngest(StreamHub hub, ByteBufAllocator alloc, IngestObserver observer) {
        this(hub, alloc, observer, false);
    }

    /**
     * @param aacFromG711 also publish an AAC version of G.711 audio (for MPEG-TS HLS, recordings and clips,
     *                    which cannot carry G.711); the G.711 units are published as they are too
     */
    public PsOverRtpIngest(StreamHub hub, ByteBufAllocator alloc, IngestObserver observer, boolean aacFromG711) {
        this.hub = hub;
        this.observer = observer;
        this.demuxer = new PsDemuxer(alloc, this::onAccessUnit);
        this.aac = aacFromG711 ? new G711ToAac(alloc, hub::publish) : null;
        this.lastPacketNanos = System.nanoTime();
    }

    @Override
    public void onPacket(RtpHeader header, ByteBuf payload, InetSocketAddress sender) {
        lastPacketNanos = System.nanoTime();
        packets++;
        if (!firstPacketSeen) {
            firstPacketSeen = true;
            observer.firstPacket(sender, header.ssrc());
        }
        demuxer.feed(payload);
        if (header.marker()) {
            demuxer.endOfFrame();
        }
    }

    private void onAccessUnit(AccessUnit unit) {
        if (!keyframeSeen) {
            if (!(unit.codec().isVideo() && unit.keyframe())) {
                return; // nothing before the first keyframe is decodable
            }
            keyframeSeen = true;
            observer.firstKeyframe(unit);
        }
        if (!unit.codec().isVideo()) {
            audioCodec = unit.codec();
        }
        hub.publish(unit);
        if (aac != null && (unit.codec() == Codec.G711A || unit.codec() == Codec.G711U)) {
            aac.accept(unit);
        }
    }

    /** The codec of the camera's audio, null until audio arrived. */
    public Codec audioCodec() {
        return audioCodec;
    }

    /** The G.711 to AAC conversion of this ingest, or null when it has none. */
    public G711ToAac aacFromG711() {
        return aac;
    }

    /** Nanosecond timestamp ({@link System#nanoTime()}) of the last packet, or of creation. */
    public long lastPacketNanos() {
        return lastPacketNanos;
    }

    public long packets() {
        return packets;
    }

    public boolean keyframeSeen() {
        return keyframeSeen;
    }

    public PsDemuxStats demuxStats() {
        return demuxer.stats();
    }

    /** Releases the demuxer's buffers. Call on the ingest thread after unregistering. */
    public void close() {
        demuxer.close();
        if (aac != null) {
            aac.close();
        }
    }
}
