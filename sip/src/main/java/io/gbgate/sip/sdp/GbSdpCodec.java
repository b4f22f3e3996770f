package io.gbgate.sip.sdp;

import java.util.Locale;
import java.util.Map;

/**
 * Parses and writes GB/T 28181 SDP bodies (see {@link GbSdp}).
 * <p>
 * Parsing is lenient about what devices do: CRLF or LF, any line order, missing {@code t=} (taken as 0 0),
 * missing {@code o=} (origin taken from c=), unknown lines and attributes. Only the first media section is read;
 * further {@code m=} sections are ignored. It throws {@link SdpException} for a missing {@code c=} or {@code m=},
 * malformed {@code o=}/{@code c=}/{@code m=}/{@code t=} lines and bad numbers. Writing follows RFC 4566 line order,
 * CRLF, with the GB lines {@code y=} and {@code f=} last.
 */
public final class GbSdpCodec {

    /** Largest SDP body accepted. */
    public static final int MAX_LENGTH = 16 * 1024;

    private GbSdpCodec() {
    }

    /**
     * @throws SdpException for an unusable body (see class comment)
     */
    public static GbSdp parse(String body) {
        if (body == null || body.isBlank()) {
            throw new SdpException("empty SDP body");
        }
        if (body.length() > MAX_LENGTH) {
            throw new SdpException("SDP body of " + body.length() + " chars exceeds " + MAX_LENGTH);
        }
        GbSdpBuilder builder = GbSdp.builder();
        boolean sawConnection = false;
        boolean sawMedia = false;
        boolean inLaterMedia = false;
        for (String rawLine : body.split("\r\n|\n|\r")) {
            String line = rawLine.strip();
            if (line.length() < 2 || line.charAt(1) != '=') {
                continue;
            }
            String value = line.substring(2).strip();
            char type = Character.toLowerCase(line.charAt(0));
            if (type == 'm' && sawMedia) {
                inLaterMedia = true;
            }
            if (inLaterMedia) {
                continue;
            }
            switch (type) {
                case 'o' -> parseOrigin(value, builder);
                case 's' -> builder.sessionName(value);
                case 'u' -> builder.uri(value);
                case 'c' -> {
                    builder.connectionAddress(parseConnection(value));
                    sawConnection = true;
                }
                case 't' -> parseTime(value, builder);
                case 'm' -> {
                    parseMedia(value, builder);
                    sawMedia = true;
                }
                case 'a' -> parseAttribute(value, builder);
                case 'y' -> builder.ssrc(parseSsrc(value));
                case 'f' -> builder.format(value.isEmpty() ? null : value);
                default -> {
                    // v=, i=, e=, p=, b=, r=, z=, k= and unknown lines carry nothing GB28181 needs
                }
            }
        }
        if (!sawConnection) {
            throw new SdpException("SDP has no c= line");
        }
        if (!sawMedia) {
            throw new SdpException("SDP has no m= line");
        }
        return builder.originFromConnectionIfAbsent().build();
    }

    /**
     * Writes {@code sdp} with CRLF line ends in RFC 4566 order.
     *
     * @throws SdpException if there are no payload types, or a value contains a line break (or whitespace inside a
     *                      structured field such as the origin user)
     */
    public static String format(GbSdp sdp) {
        if (sdp.payloadTypes().isEmpty()) {
            throw new SdpException("cannot write an m= line without payload types");
        }
        SdpLineWriter out = new SdpLineWriter();
        out.line('v', "0");
        out.fields('o', sdp.originUser(), "0", "0", "IN", addressType(sdp.originAddress()), sdp.originAddress());
        out.line('s', sdp.sessionName().isBlank() ? "-" : sdp.sessionName());
        if (sdp.uri() != null) {
            out.line('u', sdp.uri());
        }
        out.fields('c', "IN", addressType(sdp.connectionAddress()), sdp.connectionAddress());
        out.fields('t', Long.toString(sdp.startTime()), Long.toString(sdp.stopTime()));
        String[] media = new String[3 + sdp.payloadTypes().size()];
        media[0] = sdp.mediaType();
        media[1] = Integer.toString(sdp.mediaPort());
        media[2] = sdp.mediaTransport();
        for (int i = 0; i < sdp.payloadTypes().size(); i++) {
            media[3 + i] = Integer.toString(sdp.payloadTypes().get(i));
        }
        out.fields('m', media);
        if (sdp.direction() != null) {
            out.attribute(sdp.direction(), null);
        }
        for (Map.Entry<Integer, String> rtpMap : sdp.rtpMaps().entrySet()) {
            out.attribute("rtpmap", rtpMap.getKey() + " " + rtpMap.getValue());
        }
        if (sdp.setup() != null) {
            out.attribute("setup", sdp.setup());
        }
        if (sdp.connection() != null) {
            out.attribute("connection", sdp.connection());
        }
        for (Map.Entry<String, String> attribute : sdp.attributes().entrySet()) {
            out.attribute(attribute.getKey(), attribute.getValue());
        }
        if (sdp.ssrc() != null) {
            out.line('y', sdp.ssrc());
        }
        if (sdp.format() != null) {
            out.line('f', sdp.format());
        }
        return out.toString();
    }

    private static String addressType(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    private static void parseOrigin(String value, GbSdpBuilder builder) {
        String[] fields = value.split("\\s+");
        if (fields.length < 6) {
            throw new SdpException("malformed o= line '" + value + "': expected 6 fields");
        }
        builder.origin(fields[0], fields[5]);
    }

    private static String parseConnection(String value) {
        String[] fields = value.split("\\s+");
        if (fields.length < 3 || !"IN".equalsIgnoreCase(fields[0])) {
            throw new SdpException("malformed c= line '" + value + "': expected 'IN IP4 <address>'");
        }
        String address = fields[2];
        int slash = address.indexOf('/');
        return slash > 0 ? address.substring(0, slash) : address;
    }

    private static void parseTime(String value, GbSdpBuilder builder) {
        String[] fields = value.split("\\s+");
        if (fields.length < 2) {
            throw new SdpException("malformed t= line '" + value + "': expected '<start> <stop>'");
        }
        builder.time(parseLong(fields[0], "t= start"), parseLong(fields[1], "t= stop"));
    }

    private static void parseMedia(String value, GbSdpBuilder builder) {
        String[] fields = value.split("\\s+");
        if (fields.length < 3) {
            throw new SdpException("malformed m= line '" + value + "': expected '<media> <port> <proto> <fmt>...'");
        }
        String port = fields[1];
        int slash = port.indexOf('/');
        int portNumber = parseInt(slash > 0 ? port.substring(0, slash) : port, "m= port", 0, 65535);
        builder.media(fields[0].toLowerCase(Locale.ROOT), portNumber, fields[2].toUpperCase(Locale.ROOT));
        for (int i = 3; i < fields.length; i++) {
            builder.payload(parseInt(fields[i], "m= payload type", 0, 127), null);
        }
    }

    private static void parseAttribute(String value, GbSdpBuilder builder) {
        int colon = value.indexOf(':');
        String name = (colon < 0 ? value : value.substring(0, colon)).strip();
        String argument = colon < 0 ? "" : value.substring(colon + 1).strip();
        switch (name.toLowerCase(Locale.ROOT)) {
            case "recvonly", "sendonly", "sendrecv", "inactive" -> builder.direction(name.toLowerCase(Locale.ROOT));
            case "setup" -> builder.setup(argument.toLowerCase(Locale.ROOT));
            case "connection" -> builder.connection(argument.toLowerCase(Locale.ROOT));
            case "rtpmap" -> parseRtpMap(argument, builder);
            default -> {
                if (!name.isEmpty()) {
                    builder.attribute(name, argument);
                }
            }
        }
    }

    private static void parseRtpMap(String argument, GbSdpBuilder builder) {
        String[] fields = argument.split("\\s+", 2);
        if (fields.length < 2) {
            throw new SdpException("malformed a=rtpmap '" + argument + "': expected '<pt> <encoding>/<clock>'");
        }
        builder.rtpMap(parseInt(fields[0], "rtpmap payload type", 0, 127), fields[1]);
    }

    private static String parseSsrc(String value) {
        if (value.isEmpty() || value.length() > Ssrc.LENGTH || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdpException("malformed y= SSRC '" + value + "': expected up to 10 decimal digits");
        }
        return value;
    }

    private static int parseInt(String text, String what, int min, int max) {
        long number = parseLong(text, what);
        if (number < min || number > max) {
            throw new SdpException(what + " " + number + " out of range " + min + ".." + max);
        }
        return (int) number;
    }

    private static long parseLong(String text, String what) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new SdpException(what + " is not a number: '" + text + "'", e);
        }
    }
}
