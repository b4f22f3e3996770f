/**
 * Fragmented MP4 (ISO/IEC 14496-12) for fMP4 HLS, LL-HLS parts and HEVC clients, plus the
 * ISO/IEC 14496-15 pieces the FLV output shares.
 *
 * <p>{@link io.gbgate.media.fmp4.Fmp4Muxer} writes an init segment (ftyp, moov with an avc1/avcC
 * or hvc1/hvcC sample entry and mvex/trex) and media fragments (moof with mfhd, tfhd, tfdt and a
 * trun carrying duration, size, sync flags and composition offset per sample, then mdat). The
 * caller chooses the cuts: per GOP, or per part, where only parts that begin with a keyframe are
 * independent. Boxes are written through one typed writer that patches sizes, not by hand.
 *
 * <p>Shared with {@code io.gbgate.media.flv}: {@link io.gbgate.media.fmp4.ParameterSets} (the
 * VPS/SPS/PPS in front of a keyframe), {@link io.gbgate.media.fmp4.AvcDecoderConfigurationRecord},
 * {@link io.gbgate.media.fmp4.HevcDecoderConfigurationRecord},
 * {@link io.gbgate.media.fmp4.LengthPrefixedNalUnits} (Annex B to 4-byte lengths) and
 * {@link io.gbgate.media.MonotonicTimeline} (rebasing to 0, wrap and jump handling).
 */
package io.gbgate.media.fmp4;
