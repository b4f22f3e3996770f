package io.gbgate.sip.ptz;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The 8-byte front-end device control command of GB/T 28181 appendix A.3, carried as 16 hex digits in
 * {@code <PTZCmd>} of a DeviceControl:
 * <pre>
 * byte 1  0xA5
 * byte 2  high nibble version (0), low nibble check = (0xA + 0x5 + version) % 16
 * byte 3  address, low 8 bits
 * byte 4  instruction code
 * byte 5  data 1
 * byte 6  data 2
 * byte 7  high nibble data 3, low nibble address high 4 bits
 * byte 8  checksum = (byte 1 + ... + byte 7) % 256
 * </pre>
 *
 * @param address     camera address 0..4095 (12 bits; most cameras use 1)
 * @param instruction what the camera should do
 */
public record PtzCmd(int address, PtzInstruction instruction) {

    /** Length of the command in bytes. */
    public static final int LENGTH = 8;
    /** First byte of every command. */
    public static final int LEADING_BYTE = 0xA5;
    /** Address most single cameras answer to. */
    public static final int DEFAULT_ADDRESS = 1;

    private static final int VERSION = 0;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    public PtzCmd {
        PtzRanges.check("PTZ address", address, 0, PtzRanges.MAX_12_BITS);
        Objects.requireNonNull(instruction, "instruction");
    }

    /** {@code instruction} for the camera at {@link #DEFAULT_ADDRESS}. */
    public static PtzCmd of(PtzInstruction instruction) {
        return new PtzCmd(DEFAULT_ADDRESS, instruction);
    }

    /** The 8 bytes of the command. */
    public byte[] toBytes() {
        PtzFields fields = PtzInstructionCodec.encode(instruction);
        byte[] bytes = new byte[LENGTH];
        bytes[0] = (byte) LEADING_BYTE;
        bytes[1] = (byte) (VERSION << 4 | versionCheck(VERSION));
        bytes[2] = (byte) (address & 0xFF);
        bytes[3] = (byte) fields.code();
        bytes[4] = (byte) fields.data1();
        bytes[5] = (byte) fields.data2();
        bytes[6] = (byte) (fields.data3() << 4 | address >> 8);
        bytes[7] = (byte) checksum(bytes);
        return bytes;
    }

    /** The command as the 16 upper-case hex digits a {@code <PTZCmd>} element carries. */
    public String toHex() {
        return HEX.formatHex(toBytes());
    }

    /**
     * Parses 16 hex digits (either case, surrounding whitespace ignored).
     *
     * @throws PtzFormatException for a wrong length, non-hex characters, a wrong first byte, a bad byte-2 check
     *                            nibble, a bad checksum or an instruction that cannot be decoded
     */
    public static PtzCmd parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        String digits = hex.strip();
        if (digits.length() != LENGTH * 2) {
            throw new PtzFormatException("PTZCmd must be " + LENGTH * 2 + " hex digits, got " + digits.length()
                    + ": '" + digits + "'");
        }
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(digits);
        } catch (IllegalArgumentException e) {
            throw new PtzFormatException("PTZCmd is not hex: '" + digits + "'");
        }
        return fromBytes(bytes);
    }

    /**
     * Decodes the 8 command bytes.
     *
     * @throws PtzFormatException as {@link #parse(String)}
     */
    public static PtzCmd fromBytes(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new PtzFormatException("PTZCmd must be " + LENGTH + " bytes, got " + bytes.length);
        }
        int first = bytes[0] & 0xFF;
        if (first != LEADING_BYTE) {
            throw new PtzFormatException(String.format("PTZCmd byte 1 must be 0xA5, got 0x%02X", first));
        }
        int second = bytes[1] & 0xFF;
        if ((second & 0x0F) != versionCheck(second >> 4)) {
            throw new PtzFormatException(String.format("PTZCmd byte 2 0x%02X: check nibble should be 0x%X",
                    second, versionCheck(second >> 4)));
        }
        int expected = checksum(bytes);
        int actual = bytes[7] & 0xFF;
        if (actual != expected) {
            throw new PtzFormatException(String.format("PTZCmd checksum is 0x%02X, bytes 1-7 sum to 0x%02X",
                    actual, expected));
        }
        int seventh = bytes[6] & 0xFF;
        int address = (seventh & 0x0F) << 8 | bytes[2] & 0xFF;
        PtzFields fields = new PtzFields(bytes[3] & 0xFF, bytes[4] & 0xFF, bytes[5] & 0xFF, seventh >> 4);
        return new PtzCmd(address, PtzInstructionCodec.decode(fields));
    }

    private static int versionCheck(int version) {
        return (0xA + 0x5 + version) % 16;
    }

    private static int checksum(byte[] bytes) {
        int sum = 0;
        for (int i = 0; i < LENGTH - 1; i++) {
            sum += bytes[i] & 0xFF;
        }
        return sum & 0xFF;
    }
}
