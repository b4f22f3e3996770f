package io.gbgate.media.ts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: an independent, strict reader of the transport streams the muxer writes.
 * Parsing asserts the packet structure (size, sync byte, adaptation field bounds).
 */
public final class TsInspector {

    /** One parsed transport packet. {@code pcrBase} is -1 when absent. */
    public record Packet(int pid, boolean unitStart, int continuity, boolean randomAccess, long pcrBase,
                         byte[] payload) {
    }

    /** One reassembled PES packet: its header fields and its payload. {@code dts} is -1 when absent. */
    public record Pes(int pid, int streamId, int declaredLength, long pts, long dts, boolean randomAccess,
                      long pcrBase, byte[] payload) {
    }

    private TsInspector() {
    }

    public static List<Packet> packets(byte[] ts) {
        assertThat(ts.length % 188).as("stream length is a whole number of packets").isZero();
        List<Packet> packets = new ArrayList<>();
        for (int at = 0; at < ts.length; at += 188) {
            assertThat(ts[at] & 0xFF).as("sync byte at %d", at).isEqualTo(0x47);
            boolean unitStart = (ts[at + 1] & 0x40) != 0;
            int pid = ((ts[at + 1] & 0x1F) << 8) | (ts[at + 2] & 0xFF);
            int control = (ts[at + 3] >> 4) & 0x3;
            int cc = ts[at + 3] & 0x0F;
            int payloadStart = at + 4;
            boolean rai = false;
            long pcr = -1;
            if ((control & 0x2) != 0) {
                int afLength = ts[at + 4] & 0xFF;
                assertThat(afLength).isLessThanOrEqualTo(183);
                if (afLength > 0) {
                    int flags = ts[at + 5] & 0xFF;
                    rai = (flags & 0x40) != 0;
                    if ((flags & 0x10) != 0) {
                        pcr = ((long) (ts[at + 6] & 0xFF) << 25) | ((ts[at + 7] & 0xFF) << 17)
                                | ((ts[at + 8] & 0xFF) << 9) | ((ts[at + 9] & 0xFF) << 1)
                                | ((ts[at + 10] & 0x80) >> 7);
                    }
                }
                payloadStart += 1 + afLength;
            }
            byte[] payload = (control & 0x1) != 0
                    ? java.util.Arrays.copyOfRange(ts, payloadStart, at + 188) : new byte[0];
            packets.add(new Packet(pid, unitStart, cc, rai, pcr, payload));
        }
        return packets;
    }

    /** Asserts that per PID the continuity counter of payload packets increments modulo 16. */
    public static void assertContinuity(List<Packet> packets) {
        Map<Integer, Integer> last = new LinkedHashMap<>();
        for (Packet p : packets) {
            Integer previous = last.put(p.pid(), p.continuity());
            if (previous != null) {
                assertThat(p.continuity()).as("continuity counter of PID 0x%x", p.pid())
                        .isEqualTo((previous + 1) & 0x0F);
            }
        }
    }

    /** The PSI section (table_id .. CRC) carried in a unit-start packet with pointer_field 0. */
    public static byte[] section(Packet packet) {
        assertThat(packet.unitStart()).isTrue();
        byte[] p = packet.payload();
        assertThat(p[0]).as("pointer_field").isZero();
        int sectionLength = ((p[2] & 0x0F) << 8) | (p[3] & 0xFF);
        return java.util.Arrays.copyOfRange(p, 1, 1 + 3 + sectionLength);
    }

    /** Reassembles the PES packets of {@code pid}. */
    public static List<Pes> pes(List<Packet> packets, int pid) {
        List<Pes> result = new ArrayList<>();
        ByteArrayOutputStream current = null;
        Packet first = null;
        for (Packet p : packets) {
            if (p.pid() != pid) {
                continue;
            }
            if (p.unitStart()) {
                if (current != null) {
                    result.add(parsePes(first, current.toByteArray()));
                }
                current = new ByteArrayOutputStream();
                first = p;
            }
            assertThat(current).as("payload before the first unit start on PID 0x%x", pid).isNotNull();
            current.writeBytes(p.payload());
        }
        if (current != null) {
            result.add(parsePes(first, current.toByteArray()));
        }
        return result;
    }

    private static Pes parsePes(Packet first, byte[] b) {
        assertThat(b[0] == 0 && b[1] == 0 && b[2] == 1).as("PES start code").isTrue();
        int streamId = b[3] & 0xFF;
        int declared = ((b[4] & 0xFF) << 8) | (b[5] & 0xFF);
        int flags = b[7] & 0xC0;
        int headerDataLength = b[8] & 0xFF;
        long pts = flags >= 0x80 ? timestamp(b, 9) : -1;
        long dts = flags == 0xC0 ? timestamp(b, 14) : -1;
        if (declared != 0) {
            assertThat(b.length).as("declared PES length").isEqualTo(6 + declared);
        }
        byte[] payload = java.util.Arrays.copyOfRange(b, 9 + headerDataLength, b.length);
        return new Pes(first.pid(), streamId, declared, pts, dts, first.randomAccess(), first.pcrBase(), payload);
    }

    /** Decodes a 33-bit PTS/DTS field. */
    public static long timestamp(byte[] b, int at) {
        return ((long) (b[at] & 0x0E) << 29) | ((b[at + 1] & 0xFF) << 22) | ((b[at + 2] & 0xFE) << 14)
                | ((b[at + 3] & 0xFF) << 7) | ((b[at + 4] & 0xFE) >> 1);
    }
}
