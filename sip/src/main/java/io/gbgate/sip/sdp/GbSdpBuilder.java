package io.gbgate.sip.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Mutable builder of {@link GbSdp}; obtain one with {@link GbSdp#builder()}. Not thread-safe. */
public final class GbSdpBuilder {

    private String originUser;
    private String originAddress;
    private String sessionName = "Play";
    private String connectionAddress;
    private String mediaType = "video";
    private int mediaPort;
    private String mediaTransport = GbSdp.RTP_AVP;
    private final List<Integer> payloadTypes = new ArrayList<>();
    private final Map<Integer, String> rtpMaps = new LinkedHashMap<>();
    private String direction;
    private String setup;
    private String connection;
    private String ssrc;
    private String uri;
    private long startTime;
    private long stopTime;
    private String format;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    GbSdpBuilder() {
    }

    GbSdpBuilder(GbSdp sdp) {
        originUser = sdp.originUser();
        originAddress = sdp.originAddress();
        sessionName = sdp.sessionName();
        connectionAddress = sdp.connectionAddress();
        mediaType = sdp.mediaType();
        mediaPort = sdp.mediaPort();
        mediaTransport = sdp.mediaTransport();
        payloadTypes.addAll(sdp.payloadTypes());
        rtpMaps.putAll(sdp.rtpMaps());
        direction = sdp.direction();
        setup = sdp.setup();
        connection = sdp.connection();
        ssrc = sdp.ssrc();
        uri = sdp.uri();
        startTime = sdp.startTime();
        stopTime = sdp.stopTime();
        format = sdp.format();
        attributes.putAll(sdp.attributes());
    }

    /** o= user and address. */
    public GbSdpBuilder origin(String user, String address) {
        this.originUser = user;
        this.originAddress = address;
        return this;
    }

    public GbSdpBuilder sessionName(String sessionName) {
        this.sessionName = sessionName;
        return this;
    }

    public GbSdpBuilder connectionAddress(String connectionAddress) {
        this.connectionAddress = connectionAddress;
        return this;
    }

    /** m= media type, port and transport token. */
    public GbSdpBuilder media(String mediaType, int port, String transport) {
        this.mediaType = mediaType;
        this.mediaPort = port;
        this.mediaTransport = transport;
        return this;
    }

    /** Adds a payload type to m= and its a=rtpmap (encoding such as {@code PS/90000}; null for no rtpmap). */
    public GbSdpBuilder payload(int payloadType, String encoding) {
        if (!payloadTypes.contains(payloadType)) {
            payloadTypes.add(payloadType);
        }
        if (encoding != null) {
            rtpMaps.put(payloadType, encoding);
        }
        return this;
    }

    /** Adds an a=rtpmap without touching the m= payload list. */
    public GbSdpBuilder rtpMap(int payloadType, String encoding) {
        rtpMaps.put(payloadType, encoding);
        return this;
    }

    public GbSdpBuilder direction(String direction) {
        this.direction = direction;
        return this;
    }

    /** a=setup and a=connection (TCP); nulls for none. */
    public GbSdpBuilder tcpSetup(String setup, String connection) {
        this.setup = setup;
        this.connection = connection;
        return this;
    }

    GbSdpBuilder setup(String setup) {
        this.setup = setup;
        return this;
    }

    GbSdpBuilder connection(String connection) {
        this.connection = connection;
        return this;
    }

    /** Parser fallback for a body without o=: the origin is the connection address, user "-". */
    GbSdpBuilder originFromConnectionIfAbsent() {
        if (originUser == null) {
            originUser = "-";
            originAddress = connectionAddress;
        }
        return this;
    }

    public GbSdpBuilder ssrc(String ssrc) {
        this.ssrc = ssrc;
        return this;
    }

    public GbSdpBuilder uri(String uri) {
        this.uri = uri;
        return this;
    }

    /** t= start and stop. */
    public GbSdpBuilder time(long startTime, long stopTime) {
        this.startTime = startTime;
        this.stopTime = stopTime;
        return this;
    }

    public GbSdpBuilder format(String format) {
        this.format = format;
        return this;
    }

    /** Another a= attribute; value "" for a flag attribute. */
    public GbSdpBuilder attribute(String name, String value) {
        attributes.put(name, value == null ? "" : value);
        return this;
    }

    /**
     * @throws NullPointerException     if origin, connection address or media are missing
     * @throws IllegalArgumentException if the port is out of range
     */
    public GbSdp build() {
        return new GbSdp(originUser, originAddress, sessionName, connectionAddress, mediaType, mediaPort,
                mediaTransport, payloadTypes, rtpMaps, direction, setup, connection, ssrc, uri, startTime, stopTime,
                format, attributes);
    }
}
