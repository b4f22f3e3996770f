package io.gbgate.media.webrtc.stun;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * One decoded STUN message with the attributes ICE cares about.
 *
 * <p>The message bytes are kept so that {@link #hasValidIntegrity} can check MESSAGE-INTEGRITY
 * once the receiver knows which password applies (it is found through USERNAME). Attributes
 * after MESSAGE-INTEGRITY other than FINGERPRINT are ignored, as RFC 5389 section 15.4 requires.
 */
public final class StunMessage {
    /** Size of the STUN header: type, length, magic cookie, transaction id. */
    public static final int HEADER_SIZE = 20;
    /** The fixed magic cookie of RFC 5389. */
    public static final int MAGIC_COOKIE = 0x2112A442;
    /** Size of the transaction id. */
    public static final int TRANSACTION_ID_LENGTH = 12;

    private final byte[] raw;
    private final int type;
    private final String username;
    private final Long priority;
    private final boolean useCandidate;
    private final Long iceControlling;
    private final Long iceControlled;
    private final InetSocketAddress xorMappedAddress;
    private final int errorCode;
    private final int integrityOffset;
    private final int fingerprintOffset;
    private final int unknownRequiredAttribute;

    private StunMessage(byte[] raw, StunAttributes attributes) {
        this.raw = raw;
        this.type = ((raw[0] & 0xFF) << 8) | (raw[1] & 0xFF);
        this.username = attributes.username;
        this.priority = attributes.priority;
        this.useCandidate = attributes.useCandidate;
        this.iceControlling = attributes.iceControlling;
        this.iceControlled = attributes.iceControlled;
        this.xorMappedAddress = attributes.xorMappedAddress;
        this.errorCode = attributes.errorCode;
        this.integrityOffset = attributes.integrityOffset;
        this.fingerprintOffset = attributes.fingerprintOffset;
        this.unknownRequiredAttribute = attributes.unknownRequiredAttribute;
    }

    /**
     * True when the readable bytes of {@code datagram} look like STUN (RFC 7983 demultiplexing:
     * first byte 0..3, magic cookie present). Does not move the reader index.
     */
    public static boolean isStun(ByteBuf datagram) {
        int start = datagram.readerIndex();
        return datagram.readableBytes() >= HEADER_SIZE
                && (datagram.getUnsignedByte(start) & 0xC0) == 0
                && datagram.getInt(start + 4) == MAGIC_COOKIE;
    }

    /** Decodes the readable bytes of {@code datagram} (left untouched) as one STUN message. */
    public static StunMessage decode(ByteBuf datagram) throws StunFormatException {
        if (!isStun(datagram)) {
            throw new StunFormatException("not a STUN message (short, bad leading bits or no magic cookie)");
        }
        int start = datagram.readerIndex();
        int length = datagram.getUnsignedShort(start + 2);
        if ((length & 3) != 0) {
            throw new StunFormatException("message length " + length + " is not a multiple of 4");
        }
        if (HEADER_SIZE + length != datagram.readableBytes()) {
            throw new StunFormatException("message length " + length + " does not match the datagram's "
                    + (datagram.readableBytes() - HEADER_SIZE) + " attribute bytes");
        }
        byte[] raw = new byte[HEADER_SIZE + length];
        datagram.getBytes(start, raw);
        return new StunMessage(raw, StunAttributes.parse(raw));
    }

    public int type() {
        return type;
    }

    /** A copy of the 12-byte transaction id. */
    public byte[] transactionId() {
        return Arrays.copyOfRange(raw, 8, HEADER_SIZE);
    }

    /** USERNAME, or null when absent. */
    public String username() {
        return username;
    }

    /** PRIORITY, if present. */
    public OptionalLong priority() {
        return priority == null ? OptionalLong.empty() : OptionalLong.of(priority);
    }

    public boolean useCandidate() {
        return useCandidate;
    }

    /** The ICE-CONTROLLING tie breaker, if the sender claims the controlling role. */
    public OptionalLong iceControlling() {
        return iceControlling == null ? OptionalLong.empty() : OptionalLong.of(iceControlling);
    }

    /** The ICE-CONTROLLED tie breaker, if the sender claims the controlled role. */
    public OptionalLong iceControlled() {
        return iceControlled == null ? OptionalLong.empty() : OptionalLong.of(iceControlled);
    }

    /** XOR-MAPPED-ADDRESS decoded, or null when absent. */
    public InetSocketAddress xorMappedAddress() {
        return xorMappedAddress;
    }

    /** ERROR-CODE as class * 100 + number, or 0 when absent. */
    public int errorCode() {
        return errorCode;
    }

    public boolean hasIntegrity() {
        return integrityOffset >= 0;
    }

    public boolean hasFingerprint() {
        return fingerprintOffset >= 0;
    }

    /** Type of the first comprehension-required attribute this decoder does not know, or -1. */
    public int unknownRequiredAttribute() {
        return unknownRequiredAttribute;
    }

    /** True when MESSAGE-INTEGRITY is present and matches HMAC-SHA1 keyed with {@code key}. */
    public boolean hasValidIntegrity(byte[] key) {
        if (integrityOffset < 0) {
            return false;
        }
        byte[] expected = StunChecksums.integrity(raw, integrityOffset, key);
        byte[] actual = Arrays.copyOfRange(raw, integrityOffset + 4,
                integrityOffset + 4 + StunChecksums.INTEGRITY_LENGTH);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True when FINGERPRINT is present and its CRC matches. */
    public boolean hasValidFingerprint() {
        if (fingerprintOffset < 0) {
            return false;
        }
        int actual = ((raw[fingerprintOffset + 4] & 0xFF) << 24) | ((raw[fingerprintOffset + 5] & 0xFF) << 16)
                | ((raw[fingerprintOffset + 6] & 0xFF) << 8) | (raw[fingerprintOffset + 7] & 0xFF);
        return actual == StunChecksums.fingerprint(raw, fingerprintOffset);
    }

    /** Attribute walker filling the fields of one message. */
    private static final class StunAttributes {
        String username;
        Long priority;
        boolean useCandidate;
        Long iceControlling;
        Long iceControlled;
        InetSocketAddress xorMappedAddress;
        int errorCode;
        int integrityOffset = -1;
        int fingerprintOffset = -1;
        int unknownRequiredAttribute = -1;

        static StunAttributes parse(byte[] raw) throws StunFormatException {
            StunAttributes out = new StunAttributes();
            int pos = HEADER_SIZE;
            while (pos < raw.length) {
                if (raw.length - pos < 4) {
                    throw new StunFormatException("truncated attribute header at " + pos);
                }
                int type = u16(raw, pos);
                int length = u16(raw, pos + 2);
                int value = pos + 4;
                if (value + length > raw.length) {
                    throw new StunFormatException("attribute 0x" + Integer.toHexString(type) + " overruns the message");
                }
                if (out.fingerprintOffset >= 0) {
                    throw new StunFormatException("attribute after FINGERPRINT");
                }
                if (type == StunAttributeType.FINGERPRINT) {
                    out.expectLength(type, length, 4);
                    out.fingerprintOffset = pos;
                } else if (out.integrityOffset < 0) {
                    out.read(raw, type, value, length, pos);
                }
                pos = value + ((length + 3) & ~3);
            }
            return out;
        }

        private void read(byte[] raw, int type, int value, int length, int pos) throws StunFormatException {
            switch (type) {
                case StunAttributeType.USERNAME ->
                    username = new String(raw, value, length, StandardCharsets.UTF_8);
                case StunAttributeType.PRIORITY -> {
                    expectLength(type, length, 4);
                    priority = u32(raw, value);
                }
                case StunAttributeType.USE_CANDIDATE -> useCandidate = true;
                case StunAttributeType.ICE_CONTROLLING -> {
                    expectLength(type, length, 8);
                    iceControlling = (u32(raw, value) << 32) | u32(raw, value + 4);
                }
                case StunAttributeType.ICE_CONTROLLED -> {
                    expectLength(type, length, 8);
                    iceControlled = (u32(raw, value) << 32) | u32(raw, value + 4);
                }
                case StunAttributeType.XOR_MAPPED_ADDRESS -> xorMappedAddress = xorAddress(raw, value, length);
                case StunAttributeType.ERROR_CODE -> {
                    if (length < 4) {
                        throw new StunFormatException("ERROR-CODE shorter than 4 bytes");
                    }
                    errorCode = (raw[value + 2] & 0x07) * 100 + (raw[value + 3] & 0xFF);
                }
                case StunAttributeType.MESSAGE_INTEGRITY -> {
                    expectLength(type, length, StunChecksums.INTEGRITY_LENGTH);
                    integrityOffset = pos;
                }
                default -> {
                    if (StunAttributeType.isComprehensionRequired(type) && unknownRequiredAttribute < 0
                            && type != StunAttributeType.MAPPED_ADDRESS) {
                        unknownRequiredAttribute = type;
                    }
                }
            }
        }

        private void expectLength(int type, int actual, int expected) throws StunFormatException {
            if (actual != expected) {
                throw new StunFormatException("attribute 0x" + Integer.toHexString(type) + " has length "
                        + actual + ", expected " + expected);
            }
        }

        private static InetSocketAddress xorAddress(byte[] raw, int value, int length) throws StunFormatException {
            int family = raw[value + 1] & 0xFF;
            int addressLength = family == 1 ? 4 : family == 2 ? 16 : -1;
            if (addressLength < 0 || length != 4 + addressLength) {
                throw new StunFormatException("XOR-MAPPED-ADDRESS with family " + family + " and length " + length);
            }
            int port = u16(raw, value + 2) ^ (MAGIC_COOKIE >>> 16);
            byte[] address = new byte[addressLength];
            for (int i = 0; i < addressLength; i++) {
                // the mask is the magic cookie followed by the transaction id: header bytes 4..19
                address[i] = (byte) (raw[value + 4 + i] ^ raw[4 + i]);
            }
            try {
                return new InetSocketAddress(InetAddress.getByAddress(address), port);
            } catch (UnknownHostException e) {
                throw new StunFormatException("bad XOR-MAPPED-ADDRESS: " + e.getMessage());
            }
        }

        private static int u16(byte[] raw, int at) {
            return ((raw[at] & 0xFF) << 8) | (raw[at + 1] & 0xFF);
        }

        private static long u32(byte[] raw, int at) {
            return ((long) u16(raw, at) << 16) | u16(raw, at + 2);
        }
    }
}
