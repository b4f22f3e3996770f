package io.gbgate.media.webrtc.sdp;

import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A browser's SDP offer, parsed: its m-sections with codecs, and the ICE credentials, DTLS
 * fingerprint and setup role that apply to the bundle (taken from the first m-section that has
 * them, falling back to session level).
 *
 * @param sections    the m-sections in order
 * @param iceUfrag    remote ICE username fragment
 * @param icePwd      remote ICE password
 * @param fingerprint remote DTLS certificate fingerprint
 * @param setup       remote DTLS role offer ({@code actpass}, {@code active} or {@code passive})
 */
public record SdpOffer(List<SdpMediaDescription> sections, String iceUfrag, String icePwd,
                       CertificateFingerprint fingerprint, String setup) {
    private static final int MAX_LENGTH = 64 * 1024;

    public SdpOffer {
        sections = List.copyOf(sections);
    }

    /** Parses an offer; throws {@link SdpException} for anything a WebRTC answer cannot be built from. */
    public static SdpOffer parse(String sdp) throws SdpException {
        if (sdp == null || sdp.isBlank()) {
            throw new SdpException("empty SDP offer");
        }
        if (sdp.length() > MAX_LENGTH) {
            throw new SdpException("SDP offer longer than " + MAX_LENGTH + " characters");
        }
        Map<String, String> session = new LinkedHashMap<>();
        List<SectionParser> parsers = new ArrayList<>();
        boolean sawVersion = false;
        for (String rawLine : sdp.split("\r?\n")) {
            String line = rawLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new SdpException("malformed SDP line: " + abbreviate(line));
            }
            char type = line.charAt(0);
            String value = line.substring(2);
            if (type == 'v') {
                sawVersion = value.equals("0");
            } else if (type == 'm') {
                parsers.add(new SectionParser(value));
            } else if (type == 'a') {
                if (parsers.isEmpty()) {
                    int colon = value.indexOf(':');
                    session.put(colon < 0 ? value : value.substring(0, colon), colon < 0 ? "" : value.substring(colon + 1));
                } else {
                    parsers.get(parsers.size() - 1).attribute(value);
                }
            }
        }
        if (!sawVersion) {
            throw new SdpException("SDP offer does not start with v=0");
        }
        if (parsers.isEmpty()) {
            throw new SdpException("SDP offer has no m-section");
        }
        List<SdpMediaDescription> sections = new ArrayList<>();
        for (SectionParser parser : parsers) {
            sections.add(parser.build(session));
        }
        SdpMediaDescription first = sections.stream().filter(s -> s.iceUfrag() != null).findFirst()
                .orElseThrow(() -> new SdpException("SDP offer has no a=ice-ufrag"));
        if (first.icePwd() == null) {
            throw new SdpException("SDP offer has no a=ice-pwd");
        }
        if (first.fingerprint() == null) {
            throw new SdpException("SDP offer has no a=fingerprint");
        }
        CertificateFingerprint fingerprint;
        try {
            fingerprint = CertificateFingerprint.parse(first.fingerprint());
        } catch (IllegalArgumentException e) {
            throw new SdpException("bad a=fingerprint: " + e.getMessage());
        }
        String setup = first.setup() == null ? "actpass" : first.setup().toLowerCase(Locale.ROOT);
        return new SdpOffer(sections, first.iceUfrag(), first.icePwd(), fingerprint, setup);
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
