package io.gbgate.media.webrtc.sdp;

import java.util.HexFormat;

/**
 * The H.264 {@code profile-level-id} fmtp parameter (RFC 6184 section 8.1): profile_idc, the
 * constraint flags byte (profile-iop) and level_idc, as written in SDP ({@code 42e01f}).
 */
public record H264ProfileLevelId(int profileIdc, int profileIop, int levelIdc) {
    public H264ProfileLevelId {
        if ((profileIdc | profileIop | levelIdc) >>> 8 != 0) {
            throw new IllegalArgumentException("profile-level-id bytes out of range");
        }
    }

    /** Parses six hex digits; throws {@link IllegalArgumentException} otherwise. */
    public static H264ProfileLevelId parse(String hex) {
        if (hex == null || hex.length() != 6) {
            throw new IllegalArgumentException("profile-level-id is not 6 hex digits: " + hex);
        }
        byte[] bytes = HexFormat.of().parseHex(hex);
        return new H264ProfileLevelId(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF);
    }

    /** The SPS's profile_idc, constraint flags and level_idc (SPS bytes 1 to 3 after the NAL header). */
    public static H264ProfileLevelId fromSps(byte[] spsNal) {
        if (spsNal.length < 4) {
            throw new IllegalArgumentException("SPS too short");
        }
        return new H264ProfileLevelId(spsNal[1] & 0xFF, spsNal[2] & 0xFF, spsNal[3] & 0xFF);
    }

    /**
     * True when a decoder of {@code offered} handles a stream of this profile: the same
     * profile_idc, or Constrained Baseline offered for a stream that obeys it.
     */
    public boolean sameProfileAs(H264ProfileLevelId offered) {
        if (profileIdc == offered.profileIdc) {
            return (offered.profileIop & ~profileIop & 0xFC) == 0;
        }
        return false;
    }

    /** Six lower-case hex digits as in SDP. */
    public String toSdpValue() {
        return HexFormat.of().formatHex(new byte[] {(byte) profileIdc, (byte) profileIop, (byte) levelIdc});
    }
}
