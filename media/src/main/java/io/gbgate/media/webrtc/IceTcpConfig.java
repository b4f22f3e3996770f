package io.gbgate.media.webrtc;

import java.time.Duration;

/**
 * ICE-TCP (RFC 6544, passive candidates only) as the fallback for networks that block UDP: one TCP
 * port shared by every session, RFC 4571 framing (a 16-bit length before each STUN, DTLS, SRTP or
 * SRTCP packet).
 *
 * @param enabled          whether the TCP port is opened and announced
 * @param port             TCP port shared by all sessions (0 picks a free one)
 * @param maxFrameBytes    largest frame accepted from a browser; a longer length closes the connection
 * @param bindTimeout      a connection that has not sent a valid STUN binding request by then is closed
 * @param writeBufferBytes outbound bytes queued per connection above which media packets are dropped
 *                         (and counted) instead of queued
 */
public record IceTcpConfig(boolean enabled, int port, int maxFrameBytes, Duration bindTimeout, int writeBufferBytes) {

    public IceTcpConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("ICE-TCP port out of range: " + port);
        }
        if (maxFrameBytes < 548 || maxFrameBytes > 0xFFFF) {
            throw new IllegalArgumentException("ICE-TCP max frame out of range 548..65535: " + maxFrameBytes);
        }
        if (bindTimeout.isNegative() || bindTimeout.isZero()) {
            throw new IllegalArgumentException("ICE-TCP bind timeout must be positive");
        }
        if (writeBufferBytes < 64 << 10) {
            throw new IllegalArgumentException("ICE-TCP write buffer below 64 KiB: " + writeBufferBytes);
        }
    }

    /** ICE-TCP on {@code port}: frames up to 1500 bytes, 10 s to send a valid check, 2 MiB write buffer. */
    public static IceTcpConfig on(int port) {
        return new IceTcpConfig(true, port, 1500, Duration.ofSeconds(10), 2 << 20);
    }

    /** No TCP port, no TCP candidates. */
    public static IceTcpConfig disabled() {
        return new IceTcpConfig(false, 0, 1500, Duration.ofSeconds(10), 2 << 20);
    }
}
