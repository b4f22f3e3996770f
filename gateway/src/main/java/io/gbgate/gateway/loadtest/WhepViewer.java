package io.gbgate.gateway.loadtest;

import io.gbgate.media.webrtc.dtls.CertificateFingerprint;
import io.gbgate.media.webrtc.dtls.DtlsIdentity;
import io.gbgate.media.webrtc.dtls.DtlsSrtpClient;
import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.gbgate.media.webrtc.srtp.SrtpResult;
import io.gbgate.media.webrtc.srtp.SrtpUnprotector;
import io.gbgate.media.webrtc.stun.StunMessage;
import io.gbgate.media.webrtc.stun.StunMessageBuilder;
import io.gbgate.media.webrtc.stun.StunMessageType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.UDPTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * One lightweight WebRTC viewer of the harness: WHEP offer over HTTP, ICE check with USE-CANDIDATE
 * and the DTLS-SRTP handshake on the gateway's UDP port, then a thread that receives the SRTP
 * stream and sends a consent check every 5 s. It counts what arrives without decoding; the probe
 * viewer also decrypts and notes when each picture's last packet (RTP marker) arrived.
 */
final class WhepViewer implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long CONSENT_INTERVAL_NANOS = 5_000_000_000L;
    private static final String ICE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final DatagramSocket socket;
    private final String username;
    private final byte[] integrityKey;
    private final SrtpUnprotector unprotector;
    private final long videoSsrc;
    private final String resource;
    private final HttpClient http;
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final List<long[]> pictures = new ArrayList<>();
    private final Thread receiver;
    private volatile boolean running = true;

    private WhepViewer(DatagramSocket socket, String username, byte[] integrityKey, SrtpUnprotector unprotector,
                       long videoSsrc, String resource, HttpClient http) {
        this.socket = socket;
        this.username = username;
        this.integrityKey = integrityKey;
        this.unprotector = unprotector;
        this.videoSsrc = videoSsrc;
        this.resource = resource;
        this.http = http;
        this.receiver = new Thread(this::receive, "whep-viewer");
        receiver.setDaemon(true);
        receiver.start();
    }

    /**
     * Opens a viewer of {@code whepUrl} (absolute, with its token).
     *
     * @param probe whether to decrypt and note picture arrival times
     */
    static WhepViewer open(HttpClient http, String whepUrl, DtlsIdentity identity, boolean probe)
            throws Exception {
        String ufrag = random(8);
        String offer = offer(ufrag, random(24), identity.fingerprint());
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(whepUrl))
                .header("Content-Type", "application/sdp").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(offer)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IOException("WHEP offer answered " + created.statusCode() + ": " + created.body());
        }
        String answer = created.body();
        Matcher candidate = Pattern.compile("a=candidate:\\S+ 1 udp \\d+ (\\S+) (\\d+) typ host").matcher(answer);
        if (!candidate.find()) {
            throw new IOException("no UDP candidate in the answer");
        }
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        try {
            socket.setReceiveBufferSize(1 << 20);
            socket.connect(new InetSocketAddress(candidate.group(1), Integer.parseInt(candidate.group(2))));
            socket.setSoTimeout(10_000);
            String username = attribute(answer, "ice-ufrag") + ":" + ufrag;
            byte[] key = attribute(answer, "ice-pwd").getBytes(StandardCharsets.UTF_8);
            sendCheck(socket, username, key);
            byte[] response = receiveOne(socket);
            StunMessage message = StunMessage.decode(Unpooled.wrappedBuffer(response));
            if (message.type() != StunMessageType.BINDING_SUCCESS_RESPONSE || !message.hasValidIntegrity(key)) {
                throw new IOException("ICE check refused");
            }
            DtlsSrtpClient dtls = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), identity,
                    CertificateFingerprint.parse(attribute(answer, "fingerprint")));
            new DTLSClientProtocol().connect(dtls, new UDPTransport(socket, 1200));
            socket.setSoTimeout(1000);
            DtlsSrtpKeys keys = DtlsSrtpKeys.fromKeyingMaterial(dtls.keyingMaterial());
            String location = created.headers().firstValue("Location").orElse(null);
            String token = whepUrl.substring(whepUrl.indexOf("?token="));
            String resource = location == null ? null : URI.create(whepUrl).resolve(location + token).toString();
            return new WhepViewer(socket, username, key, probe ? new SrtpUnprotector(keys.serverWrite()) : null,
                    Long.parseLong(attribute(answer, "ssrc").split(" ")[0]), resource, http);
        } catch (Exception e) {
            socket.close();
            throw e;
        }
    }

    long packets() {
        return packets.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** {rtpTimestamp, receivedNanos} of each picture's marker packet (probe viewers only). */
    List<long[]> pictures() {
        synchronized (pictures) {
            return new ArrayList<>(pictures);
        }
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        long lastCheck = System.nanoTime();
        while (running) {
            try {
                if (System.nanoTime() - lastCheck > CONSENT_INTERVAL_NANOS) {
                    sendCheck(socket, username, integrityKey);
                    lastCheck = System.nanoTime();
                }
                socket.receive(datagram);
                long now = System.nanoTime();
                int length = datagram.getLength();
                int first = buffer[0] & 0xFF;
                if (first < 128 || first > 191) {
                    continue; // STUN responses to the consent checks
                }
                packets.incrementAndGet();
                bytes.addAndGet(length);
                int type = buffer[1] & 0x7F;
                if (unprotector != null && !(type >= 64 && type <= 95)) { // not RTCP (PT 192..223)
                    note(buffer, length, now);
                }
            } catch (SocketTimeoutException e) {
                // a quiet second: loop to the consent check
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void note(byte[] buffer, int length, long now) {
        ByteBuf packet = Unpooled.wrappedBuffer(buffer, 0, length);
        if (unprotector.unprotectRtp(packet) == SrtpResult.OK && (packet.getUnsignedByte(1) & 0x80) != 0
                && packet.getUnsignedInt(8) == videoSsrc) {
            synchronized (pictures) {
                pictures.add(new long[] {packet.getUnsignedInt(4), now});
            }
        }
    }

    private static void sendCheck(DatagramSocket socket, String username, byte[] key) throws IOException {
        byte[] transactionId = new byte[12];
        RANDOM.nextBytes(transactionId);
        byte[] request = new StunMessageBuilder(StunMessageType.BINDING_REQUEST, transactionId)
                .username(username).priority(1853824767L).iceControlling(RANDOM.nextLong()).useCandidate()
                .toBytes(key, true);
        socket.send(new DatagramPacket(request, request.length));
    }

    private static byte[] receiveOne(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        return java.util.Arrays.copyOf(buffer, packet.getLength());
    }

    /** A minimal WHEP offer: one recvonly H.264 (packetization-mode=1) video section, BUNDLE, rtcp-mux. */
    private static String offer(String ufrag, String pwd, CertificateFingerprint fingerprint) {
        return String.join("\r\n",
                "v=0",
                "o=- " + (RANDOM.nextLong() >>> 1) + " 2 IN IP4 127.0.0.1",
                "s=-",
                "t=0 0",
                "a=group:BUNDLE 0",
                "m=video 9 UDP/TLS/RTP/SAVPF 102",
                "c=IN IP4 0.0.0.0",
                "a=rtcp:9 IN IP4 0.0.0.0",
                "a=ice-ufrag:" + ufrag,
                "a=ice-pwd:" + pwd,
                "a=fingerprint:" + fingerprint.toSdpValue(),
                "a=setup:actpass",
                "a=mid:0",
                "a=recvonly",
                "a=rtcp-mux",
                "a=rtpmap:102 H264/90000",
                "a=rtcp-fb:102 nack",
                "a=rtcp-fb:102 nack pli",
                "a=fmtp:102 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
                "");
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ICE_CHARS.charAt(RANDOM.nextInt(ICE_CHARS.length())));
        }
        return out.toString();
    }

    private static String attribute(String sdp, String name) throws IOException {
        Matcher matcher = Pattern.compile("a=" + name + ":([^\r\n]+)").matcher(sdp);
        if (!matcher.find()) {
            throw new IOException("no a=" + name + " in the answer");
        }
        return matcher.group(1).trim();
    }

    /** Stops receiving, closes the socket and deletes the WHEP session. */
    @Override
    public void close() {
        running = false;
        socket.close();
        if (resource != null) {
            http.sendAsync(HttpRequest.newBuilder(URI.create(resource)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        }
    }
}
