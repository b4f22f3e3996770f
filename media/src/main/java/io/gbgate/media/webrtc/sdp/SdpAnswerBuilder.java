package io.gbgate.media.webrtc.sdp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Answers a WHEP offer as an ICE-lite, DTLS-passive sender: one H.264 video section
 * (packetization-mode=1, the offered profile that matches the stream), one PCMA audio section
 * when both sides have it, every other section rejected with port 0. Accepted sections are
 * bundled on the first candidate's transport and use rtcp-mux.
 */
public final class SdpAnswerBuilder {
    private static final List<String> FEEDBACK = List.of("nack", "nack pli", "ccm fir");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SdpAnswerBuilder() {
    }

    /** Builds the answer to {@code offer}; throws {@link SdpException} when nothing can be sent to it. */
    public static WebRtcAnswer answer(SdpOffer offer, AnswerParameters local) throws SdpException {
        if (offer.setup().equals("passive")) {
            throw new SdpException("offer wants to be the DTLS server (a=setup:passive); this server is passive only");
        }
        NegotiatedTrack video = null;
        NegotiatedTrack audio = null;
        List<NegotiatedTrack> perSection = new ArrayList<>();
        for (SdpMediaDescription section : offer.sections()) {
            NegotiatedTrack track = null;
            if (usable(section)) {
                if (video == null && section.kind().equals("video")) {
                    RtpCodec codec = chooseH264(section, local.streamProfile());
                    track = codec == null ? null : new NegotiatedTrack(section.mid(), codec, local.videoSsrc());
                    video = track;
                } else if (audio == null && local.audioAvailable() && section.kind().equals("audio")) {
                    RtpCodec codec = section.codecs().stream()
                            .filter(c -> c.is("PCMA") && c.clockRate() == 8000).findFirst().orElse(null);
                    track = codec == null ? null : new NegotiatedTrack(section.mid(), codec, local.audioSsrc());
                    audio = track;
                }
            }
            perSection.add(track);
        }
        if (video == null && audio == null) {
            throw new SdpException("offer receives no H.264 (packetization-mode=1) video and no PCMA audio"
                    + " over UDP/TLS/RTP/SAVPF with rtcp-mux and a=mid");
        }
        return new WebRtcAnswer(write(offer, local, perSection), video, audio, offer.iceUfrag(), offer.fingerprint());
    }

    private static boolean usable(SdpMediaDescription section) {
        return section.receivesMedia() && section.rtcpMux() && section.mid() != null
                && section.protocol().toUpperCase().contains("SAVP");
    }

    /** The first packetization-mode=1 H.264 payload type whose profile matches the stream, else any. */
    static RtpCodec chooseH264(SdpMediaDescription section, H264ProfileLevelId streamProfile) {
        RtpCodec fallback = null;
        for (RtpCodec codec : section.codecs()) {
            if (!codec.is("H264") || codec.clockRate() != 90_000 || !"1".equals(codec.parameter("packetization-mode"))) {
                continue;
            }
            if (streamProfile == null) {
                return codec;
            }
            try {
                String offered = codec.parameter("profile-level-id");
                if (offered != null && streamProfile.sameProfileAs(H264ProfileLevelId.parse(offered))) {
                    return codec;
                }
            } catch (IllegalArgumentException malformed) {
                continue;
            }
            if (fallback == null) {
                fallback = codec;
            }
        }
        return fallback;
    }

    private static String write(SdpOffer offer, AnswerParameters local, List<NegotiatedTrack> perSection) {
        HostCandidate first = local.candidates().get(0);
        String addressType = first.address().contains(":") ? "IP6" : "IP4";
        StringBuilder bundle = new StringBuilder("BUNDLE");
        for (NegotiatedTrack track : perSection) {
            if (track != null) {
                bundle.append(' ').append(track.mid());
            }
        }
        SdpWriter sdp = new SdpWriter()
                .line('v', "0")
                .line('o', String.join(" ", "gbgate", Long.toString(RANDOM.nextLong() >>> 2), "1", "IN",
                        addressType, first.address()))
                .line('s', "-")
                .line('t', "0 0")
                .attribute("group", bundle.toString())
                .attribute("ice-lite")
                .attribute("msid-semantic", " WMS " + local.cname());
        for (int i = 0; i < perSection.size(); i++) {
            SdpMediaDescription section = offer.sections().get(i);
            NegotiatedTrack track = perSection.get(i);
            if (track == null) {
                writeRejected(sdp, section, addressType);
            } else {
                writeAccepted(sdp, section, track, local, addressType);
            }
        }
        return sdp.toString();
    }

    private static void writeRejected(SdpWriter sdp, SdpMediaDescription section, String addressType) {
        sdp.line('m', String.join(" ", section.kind(), "0", section.protocol(), section.formats().get(0)))
                .line('c', String.join(" ", "IN", addressType, addressType.equals("IP6") ? "::" : "0.0.0.0"));
        if (section.mid() != null) {
            sdp.attribute("mid", section.mid());
        }
        sdp.attribute("inactive");
    }

    private static void writeAccepted(SdpWriter sdp, SdpMediaDescription section, NegotiatedTrack track,
                                      AnswerParameters local, String addressType) {
        HostCandidate first = local.candidates().get(0);
        RtpCodec codec = track.codec();
        int pt = codec.payloadType();
        sdp.line('m', String.join(" ", section.kind(), Integer.toString(first.port()), section.protocol(),
                        Integer.toString(pt)))
                .line('c', String.join(" ", "IN", addressType, first.address()))
                .attribute("mid", track.mid())
                .attribute("sendonly")
                .attribute("ice-ufrag", local.ice().ufrag())
                .attribute("ice-pwd", local.ice().password())
                .attribute("fingerprint", local.fingerprint().toSdpValue())
                .attribute("setup", "passive")
                .attribute("rtcp-mux");
        if (section.rtcpReducedSize()) {
            sdp.attribute("rtcp-rsize");
        }
        String rtpmap = codec.channels() > 1
                ? String.join("/", codec.encodingName(), Integer.toString(codec.clockRate()), Integer.toString(codec.channels()))
                : String.join("/", codec.encodingName(), Integer.toString(codec.clockRate()));
        sdp.payloadAttribute("rtpmap", pt, rtpmap);
        if (section.kind().equals("video")) {
            for (String feedback : FEEDBACK) {
                if (track.supportsFeedback(feedback)) {
                    sdp.payloadAttribute("rtcp-fb", pt, feedback);
                }
            }
            String profile = codec.parameter("profile-level-id");
            sdp.payloadAttribute("fmtp", pt, String.join(";", "level-asymmetry-allowed=1", "packetization-mode=1",
                    "profile-level-id=" + (profile == null ? "42e01f" : profile)));
        }
        String trackId = String.join("-", local.cname(), section.kind());
        sdp.attribute("msid", String.join(" ", local.cname(), trackId))
                .attribute("ssrc", String.join(" ", Long.toString(track.ssrc()), "cname:" + local.cname()))
                .attribute("ssrc", String.join(" ", Long.toString(track.ssrc()), "msid:" + local.cname(), trackId));
        for (HostCandidate candidate : local.candidates()) {
            sdp.attribute("candidate", candidate.toSdpValue());
        }
        sdp.attribute("end-of-candidates");
    }
}
