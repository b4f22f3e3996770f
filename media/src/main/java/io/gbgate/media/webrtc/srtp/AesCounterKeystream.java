package io.gbgate.media.webrtc.srtp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP defines it (RFC 3711 section 4.1.1): the 128-bit IV is the first
 * counter block and the low 16 bits count blocks. The keystream is made with AES/ECB over reused
 * counter arrays and xor-ed into the buffer in place, so nothing is allocated per packet.
 * Not thread-safe: one instance per direction and context.
 */
final class AesCounterKeystream {
    static final int BLOCK = 16;
    private static final int CHUNK_BLOCKS = 64;

    private final Cipher aes;
    private final byte[] counters = new byte[CHUNK_BLOCKS * BLOCK];
    private final byte[] keystream = new byte[CHUNK_BLOCKS * BLOCK];

    AesCounterKeystream(byte[] key) {
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is unavailable in this JDK", e);
        }
    }

    /** XORs the keystream for {@code iv} into {@code buf[index, index + length)}. */
    void xor(byte[] iv, ByteBuf buf, int index, int length) {
        int block = 0;
        int done = 0;
        while (done < length) {
            int chunk = Math.min(length - done, keystream.length);
            int blocks = (chunk + BLOCK - 1) / BLOCK;
            for (int b = 0; b < blocks; b++, block++) {
                int at = b * BLOCK;
                System.arraycopy(iv, 0, counters, at, BLOCK - 2);
                int low = (((iv[BLOCK - 2] & 0xFF) << 8) | (iv[BLOCK - 1] & 0xFF)) + block;
                counters[at + BLOCK - 2] = (byte) (low >>> 8);
                counters[at + BLOCK - 1] = (byte) low;
            }
            try {
                aes.doFinal(counters, 0, blocks * BLOCK, keystream, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-ECB keystream failed", e);
            }
            xorInto(buf, index + done, chunk);
            done += chunk;
        }
    }

    /** The raw keystream for {@code iv} (used by key derivation). */
    byte[] keystream(byte[] iv, int length) {
        byte[] out = new byte[length];
        xor(iv, Unpooled.wrappedBuffer(out), 0, length);
        return out;
    }

    private void xorInto(ByteBuf buf, int index, int length) {
        if (buf.hasArray()) {
            byte[] array = buf.array();
            int base = buf.arrayOffset() + index;
            for (int i = 0; i < length; i++) {
                array[base + i] ^= keystream[i];
            }
            return;
        }
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            buf.setLong(index + i, buf.getLong(index + i) ^ longAt(keystream, i));
        }
        for (; i < length; i++) {
            buf.setByte(index + i, buf.getByte(index + i) ^ keystream[i]);
        }
    }

    private static long longAt(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
