package io.gbgate.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * RFC 4571 framing of RTP over a byte stream (GB28181 RTP over TCP): every packet is preceded by
 * its length as a 16-bit big-endian number. The frames it yields are plain RTP packets for
 * {@link RtpHeader#parse}, so UDP and TCP ingest share everything after the framing.
 */
public final class Rfc4571 {
    /** Size of the length prefix. */
    public static final int LENGTH_PREFIX_BYTES = 2;
    /** Largest packet a 16-bit length can frame. */
    public static final int MAX_PACKET_BYTES = 0xFFFF;

    private Rfc4571() {
    }

    /**
     * A decoder for a Netty stream pipeline that turns RFC 4571 framed bytes into one buffer per
     * RTP packet (length prefix stripped). A new instance per channel: it keeps state.
     */
    public static LengthFieldBasedFrameDecoder newFrameDecoder() {
        return new LengthFieldBasedFrameDecoder(MAX_PACKET_BYTES + LENGTH_PREFIX_BYTES,
                0, LENGTH_PREFIX_BYTES, 0, LENGTH_PREFIX_BYTES);
    }

    /**
     * Reads the next framed packet from {@code in}.
     *
     * @return the packet in a new buffer the caller owns, or {@code null} at the end of the stream
     *     on a frame boundary
     * @throws EOFException when the stream ends inside a frame
     */
    public static ByteBuf readPacket(InputStream in, ByteBufAllocator allocator) throws IOException {
        int high = in.read();
        if (high < 0) {
            return null;
        }
        int low = in.read();
        if (low < 0) {
            throw new EOFException("RFC 4571 stream ends inside a length prefix");
        }
        int length = (high << 8) | low;
        ByteBuf packet = allocator.buffer(length, length);
        try {
            while (packet.writableBytes() > 0) {
                if (packet.writeBytes(in, packet.writableBytes()) < 0) {
                    throw new EOFException("RFC 4571 stream ends inside a packet: "
                            + packet.readableBytes() + " of " + length + " bytes");
                }
            }
            return packet;
        } catch (IOException | RuntimeException e) {
            packet.release();
            throw e;
        }
    }

    /**
     * Reads every packet of an RFC 4571 file ({@code .rtp4571}) in order, handing each to
     * {@code out}, which then owns it.
     *
     * @return the number of packets read
     * @throws EOFException when the file ends inside a frame (the packets before it were handed out)
     */
    public static int readFile(Path file, ByteBufAllocator allocator, Consumer<ByteBuf> out) throws IOException {
        int count = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (ByteBuf packet = readPacket(in, allocator); packet != null; packet = readPacket(in, allocator)) {
                count++;
                out.accept(packet);
            }
        }
        return count;
    }

    /**
     * Appends {@code packet}'s readable bytes to {@code out} with their length prefix; indices of
     * {@code packet} are left unchanged.
     *
     * @throws IllegalArgumentException when the packet is longer than {@value #MAX_PACKET_BYTES} bytes
     */
    public static void writePacket(ByteBuf packet, ByteBuf out) {
        int length = packet.readableBytes();
        if (length > MAX_PACKET_BYTES) {
            throw new IllegalArgumentException("RTP packet of " + length + " bytes cannot be RFC 4571 framed");
        }
        out.writeShort(length);
        out.writeBytes(packet, packet.readerIndex(), length);
    }
}
