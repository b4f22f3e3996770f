package io.gbgate.media.webrtc.stun;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one STUN message: attributes in the order they are added, then optionally
 * MESSAGE-INTEGRITY and FINGERPRINT, which are always last (RFC 5389 section 15).
 * Attribute values are zero-padded to 4 bytes.
 */
public final class StunMessageBuilder {
    private final int type;
    private final byte[] transactionId;
    private final List<Attribute> attributes = new ArrayList<>();

    /** A message of {@code type} (see {@link StunMessageType}) with a 12-byte transaction id. */
    public StunMessageBuilder(int type, byte[] transactionId) {
        if (transactionId.length != StunMessage.TRANSACTION_ID_LENGTH) {
            throw new IllegalArgumentException("a STUN transaction id has 12 bytes, not " + transactionId.length);
        }
        this.type = type;
        this.transactionId = transactionId.clone();
    }

    public StunMessageBuilder username(String username) {
        return add(StunAttributeType.USERNAME, username.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder software(String software) {
        return add(StunAttributeType.SOFTWARE, software.getBytes(StandardCharsets.UTF_8));
    }

    public StunMessageBuilder priority(long priority) {
        return add(StunAttributeType.PRIORITY, u32(priority));
    }

    public StunMessageBuilder useCandidate() {
        return add(StunAttributeType.USE_CANDIDATE, new byte[0]);
    }

    public StunMessageBuilder iceControlling(long tieBreaker) {
        return add(StunAttributeType.ICE_CONTROLLING, u64(tieBreaker));
    }

    public StunMessageBuilder iceControlled(long tieBreaker) {
        return add(StunAttributeType.ICE_CONTROLLED, u64(tieBreaker));
    }

    /** ERROR-CODE with {@code code} (e.g. 400, 401, 487) and a reason phrase. */
    public StunMessageBuilder errorCode(int code, String reason) {
        byte[] phrase = reason.getBytes(StandardCharsets.UTF_8);
        byte[] value = new byte[4 + phrase.length];
        value[2] = (byte) (code / 100);
        value[3] = (byte) (code % 100);
        System.arraycopy(phrase, 0, value, 4, phrase.length);
        return add(StunAttributeType.ERROR_CODE, value);
    }

    /** XOR-MAPPED-ADDRESS: {@code address} masked with the magic cookie and transaction id. */
    public StunMessageBuilder xorMappedAddress(InetSocketAddress address) {
        byte[] ip = address.getAddress().getAddress();
        byte[] value = new byte[4 + ip.length];
        value[1] = (byte) (address.getAddress() instanceof Inet4Address ? 1 : 2);
        int port = address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16);
        value[2] = (byte) (port >>> 8);
        value[3] = (byte) port;
        byte[] mask = u32(StunMessage.MAGIC_COOKIE & 0xFFFFFFFFL);
        for (int i = 0; i < ip.length; i++) {
            value[4 + i] = (byte) (ip[i] ^ (i < 4 ? mask[i] : transactionId[i - 4]));
        }
        return add(StunAttributeType.XOR_MAPPED_ADDRESS, value);
    }

    /**
     * Encodes the message.
     *
     * @param integrityKey HMAC key for MESSAGE-INTEGRITY (for ICE: the password as UTF-8), or null for none
     * @param fingerprint  whether to append FINGERPRINT
     */
    public ByteBuf encode(ByteBufAllocator allocator, byte[] integrityKey, boolean fingerprint) {
        byte[] message = toBytes(integrityKey, fingerprint);
        return allocator.buffer(message.length).writeBytes(message);
    }

    /** Same as {@link #encode} into a fresh array. */
    public byte[] toBytes(byte[] integrityKey, boolean fingerprint) {
        int length = 0;
        for (Attribute attribute : attributes) {
            length += 4 + padded(attribute.value().length);
        }
        int integrityOffset = StunMessage.HEADER_SIZE + length;
        if (integrityKey != null) {
            length += 4 + StunChecksums.INTEGRITY_LENGTH;
        }
        int fingerprintOffset = StunMessage.HEADER_SIZE + length;
        if (fingerprint) {
            length += 8;
        }
        byte[] out = new byte[StunMessage.HEADER_SIZE + length];
        out[0] = (byte) (type >>> 8);
        out[1] = (byte) type;
        out[2] = (byte) (length >>> 8);
        out[3] = (byte) length;
        System.arraycopy(u32(StunMessage.MAGIC_COOKIE & 0xFFFFFFFFL), 0, out, 4, 4);
        System.arraycopy(transactionId, 0, out, 8, transactionId.length);
        int pos = StunMessage.HEADER_SIZE;
        for (Attribute attribute : attributes) {
            pos = writeAttribute(out, pos, attribute.type(), attribute.value());
        }
        if (integrityKey != null) {
            byte[] mac = StunChecksums.integrity(out, integrityOffset, integrityKey);
            pos = writeAttribute(out, pos, StunAttributeType.MESSAGE_INTEGRITY, mac);
        }
        if (fingerprint) {
            int crc = StunChecksums.fingerprint(out, fingerprintOffset);
            writeAttribute(out, pos, StunAttributeType.FINGERPRINT, u32(crc & 0xFFFFFFFFL));
        }
        return out;
    }

    private StunMessageBuilder add(int attributeType, byte[] value) {
        attributes.add(new Attribute(attributeType, value));
        return this;
    }

    private static int writeAttribute(byte[] out, int pos, int attributeType, byte[] value) {
        out[pos] = (byte) (attributeType >>> 8);
        out[pos + 1] = (byte) attributeType;
        out[pos + 2] = (byte) (value.length >>> 8);
        out[pos + 3] = (byte) value.length;
        System.arraycopy(value, 0, out, pos + 4, value.length);
        return pos + 4 + padded(value.length);
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static byte[] u32(long value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] u64(long value) {
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (value >>> (56 - 8 * i));
        }
        return out;
    }

    /** One attribute as added, before padding. */
    private record Attribute(int type, byte[] value) {
    }
}
