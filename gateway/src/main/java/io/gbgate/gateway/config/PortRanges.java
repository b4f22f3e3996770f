package io.gbgate.gateway.config;

import io.gbgate.media.rtp.RtpPortRange;

/** Parses port range settings such as {@code 30100-30499}. */
final class PortRanges {
    private PortRanges() {
    }

    static RtpPortRange parse(String value) {
        String[] parts = value == null ? new String[0] : value.trim().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("port range must look like 30100-30499, was '" + value + "'");
        }
        try {
            return new RtpPortRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port range must look like 30100-30499, was '" + value + "'", e);
        }
    }
}
