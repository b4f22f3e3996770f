package io.gbgate.media.webrtc.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Collects the lines of one m-section while an offer is parsed. */
final class SectionParser {
    private static final List<String> DIRECTIONS = List.of("sendrecv", "recvonly", "sendonly", "inactive");

    private final String mediaLine;
    private final Map<String, String> single = new LinkedHashMap<>();
    private final Map<Integer, String> rtpmaps = new LinkedHashMap<>();
    private final Map<Integer, String> fmtps = new LinkedHashMap<>();
    private final Map<Integer, List<String>> feedback = new LinkedHashMap<>();
    private String direction = "sendrecv";
    private boolean rtcpMux;
    private boolean rtcpReducedSize;

    SectionParser(String mediaLine) {
        this.mediaLine = mediaLine;
    }

    void attribute(String value) {
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String rest = colon < 0 ? "" : value.substring(colon + 1);
        switch (name) {
            case "rtpmap" -> payloadAttribute(rest, rtpmaps);
            case "fmtp" -> payloadAttribute(rest, fmtps);
            case "rtcp-fb" -> {
                int space = rest.indexOf(' ');
                Integer pt = space < 0 ? null : payloadType(rest.substring(0, space));
                if (pt != null) {
                    feedback.computeIfAbsent(pt, k -> new ArrayList<>()).add(rest.substring(space + 1).trim());
                }
            }
            case "rtcp-mux" -> rtcpMux = true;
            case "rtcp-rsize" -> rtcpReducedSize = true;
            default -> {
                if (DIRECTIONS.contains(name)) {
                    direction = name;
                } else {
                    single.putIfAbsent(name, rest);
                }
            }
        }
    }

    SdpMediaDescription build(Map<String, String> session) throws SdpException {
        String[] fields = mediaLine.trim().split("\\s+");
        if (fields.length < 4) {
            throw new SdpException("malformed m-line: " + SdpOffer.abbreviate(mediaLine));
        }
        List<String> formats = List.of(fields).subList(3, fields.length);
        List<RtpCodec> codecs = new ArrayList<>();
        for (String format : formats) {
            Integer pt = payloadType(format);
            if (pt != null && rtpmaps.containsKey(pt)) {
                codecs.add(codec(pt, rtpmaps.get(pt)));
            }
        }
        return new SdpMediaDescription(fields[0].toLowerCase(Locale.ROOT), fields[2], formats, single.get("mid"),
                direction, rtcpMux, rtcpReducedSize, codecs,
                orSession("ice-ufrag", session), orSession("ice-pwd", session),
                orSession("fingerprint", session), orSession("setup", session));
    }

    private String orSession(String name, Map<String, String> session) {
        String value = single.get(name);
        return value != null ? value.trim() : session.get(name) == null ? null : session.get(name).trim();
    }

    private RtpCodec codec(int pt, String rtpmap) throws SdpException {
        String[] parts = rtpmap.trim().split("/");
        if (parts.length < 2) {
            throw new SdpException("malformed a=rtpmap for payload type " + pt + ": " + rtpmap);
        }
        int clockRate;
        int channels;
        try {
            clockRate = Integer.parseInt(parts[1].trim());
            channels = parts.length > 2 ? Integer.parseInt(parts[2].trim()) : 1;
        } catch (NumberFormatException e) {
            throw new SdpException("malformed a=rtpmap for payload type " + pt + ": " + rtpmap);
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        String fmtp = fmtps.get(pt);
        if (fmtp != null) {
            for (String parameter : fmtp.split(";")) {
                int equals = parameter.indexOf('=');
                if (equals > 0) {
                    parameters.put(parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT),
                            parameter.substring(equals + 1).trim());
                }
            }
        }
        return new RtpCodec(pt, parts[0].trim(), clockRate, channels, parameters,
                feedback.getOrDefault(pt, List.of()));
    }

    private static void payloadAttribute(String rest, Map<Integer, String> into) {
        int space = rest.indexOf(' ');
        if (space > 0) {
            Integer pt = payloadType(rest.substring(0, space));
            if (pt != null) {
                into.putIfAbsent(pt, rest.substring(space + 1));
            }
        }
    }

    private static Integer payloadType(String text) {
        try {
            int pt = Integer.parseInt(text.trim());
            return pt >= 0 && pt <= 127 ? pt : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
