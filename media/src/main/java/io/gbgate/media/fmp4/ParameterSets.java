package io.gbgate.media.fmp4;

import io.gbgate.media.AccessUnit;
import io.gbgate.media.Codec;
import io.gbgate.media.codec.NalUnits;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The parameter sets of an H.264 or H.265 stream as found in front of a keyframe: what an
 * AVCDecoderConfigurationRecord / HEVCDecoderConfigurationRecord (ISO/IEC 14496-15) carries.
 * Each NAL unit is stored without start code. {@code vps} is empty for H.264.
 */
public record ParameterSets(Codec codec, List<byte[]> vps, List<byte[]> sps, List<byte[]> pps) {
    /** More than this many of one kind in front of one picture is not a real stream. */
    private static final int MAX_PER_KIND = 16;

    public ParameterSets {
        if (codec != Codec.H264 && codec != Codec.H265) {
            throw new IllegalArgumentException("parameter sets of " + codec);
        }
        vps = List.copyOf(vps);
        sps = List.copyOf(sps);
        pps = List.copyOf(pps);
        if (sps.isEmpty() || pps.isEmpty() || (codec == Codec.H265 && vps.isEmpty())) {
            throw new IllegalArgumentException(codec + " parameter sets incomplete");
        }
    }

    /**
     * The parameter sets carried in front of the picture of {@code unit}, or null when the unit is
     * not H.264/H.265 or lacks one of the required kinds (SPS and PPS, plus VPS for H.265).
     */
    public static ParameterSets fromAccessUnit(AccessUnit unit) {
        Codec codec = unit.codec();
        if (codec != Codec.H264 && codec != Codec.H265) {
            return null;
        }
        List<byte[]> vps = new ArrayList<>(1);
        List<byte[]> sps = new ArrayList<>(1);
        List<byte[]> pps = new ArrayList<>(1);
        ByteBuf data = unit.data();
        AnnexBCursor cursor = new AnnexBCursor().reset(data);
        while (cursor.next()) {
            List<byte[]> kind = kindOf(codec, cursor.headerByte(), vps, sps, pps);
            if (kind != null && kind.size() < MAX_PER_KIND) {
                byte[] nal = ByteBufUtil.getBytes(data, cursor.start(), cursor.length());
                if (kind.stream().noneMatch(known -> Arrays.equals(known, nal))) {
                    kind.add(nal);
                }
            }
        }
        boolean complete = !sps.isEmpty() && !pps.isEmpty() && (codec == Codec.H264 || !vps.isEmpty());
        return complete ? new ParameterSets(codec, vps, sps, pps) : null;
    }

    /** True when a NAL unit with this first header byte is a parameter set (or an access unit delimiter). */
    public static boolean isParameterSetOrDelimiter(Codec codec, int headerByte) {
        if (codec == Codec.H264) {
            int type = NalUnits.h264Type(headerByte);
            return type == NalUnits.H264_SPS || type == NalUnits.H264_PPS || type == NalUnits.H264_AUD;
        }
        int type = NalUnits.h265Type(headerByte);
        return type >= NalUnits.H265_VPS && type <= NalUnits.H265_AUD;
    }

    /** The first SPS (the one the configuration record's profile fields come from). */
    public byte[] firstSps() {
        return sps.get(0);
    }

    /** Content equality: two keyframes carrying the same parameter sets need no new configuration. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSets other && codec == other.codec && sameBytes(vps, other.vps)
                && sameBytes(sps, other.sps) && sameBytes(pps, other.pps);
    }

    @Override
    public int hashCode() {
        int hash = codec.hashCode();
        for (List<byte[]> kind : List.of(vps, sps, pps)) {
            for (byte[] nal : kind) {
                hash = 31 * hash + Arrays.hashCode(nal);
            }
        }
        return hash;
    }

    @Override
    public String toString() {
        return "ParameterSets[" + codec + ", vps=" + vps.size() + ", sps=" + sps.size() + ", pps=" + pps.size() + "]";
    }

    private static boolean sameBytes(List<byte[]> a, List<byte[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<byte[]> kindOf(Codec codec, int headerByte, List<byte[]> vps, List<byte[]> sps,
            List<byte[]> pps) {
        if (codec == Codec.H264) {
            return switch (NalUnits.h264Type(headerByte)) {
                case NalUnits.H264_SPS -> sps;
                case NalUnits.H264_PPS -> pps;
                default -> null;
            };
        }
        return switch (NalUnits.h265Type(headerByte)) {
            case NalUnits.H265_VPS -> vps;
            case NalUnits.H265_SPS -> sps;
            case NalUnits.H265_PPS -> pps;
            default -> null;
        };
    }
}
