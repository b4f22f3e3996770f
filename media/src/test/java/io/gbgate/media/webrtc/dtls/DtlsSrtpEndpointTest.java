package io.gbgate.media.webrtc.dtls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsException;
import org.bouncycastle.tls.UDPTransport;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DTLS-SRTP handshakes between the endpoint and a bctls client over real loopback UDP. */
class DtlsSrtpEndpointTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DtlsIdentity SERVER_IDENTITY = DtlsIdentity.generate("gbgate-test", RANDOM);
    private static final DtlsIdentity CLIENT_IDENTITY = DtlsIdentity.generate("browser", RANDOM);

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private DatagramSocket serverSocket;
    private DatagramSocket clientSocket;
    private Thread pump;

    @BeforeEach
    void sockets() throws SocketException {
        serverSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        clientSocket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        clientSocket.connect(serverSocket.getLocalSocketAddress());
    }

    @AfterEach
    void close() throws InterruptedException {
        serverSocket.close();
        clientSocket.close();
        if (pump != null) {
            pump.join(5000);
        }
        executor.shutdownNow();
    }

    @Test
    void handshakeYieldsTheSameSrtpKeysOnBothSides() throws Exception {
        DtlsSrtpEndpoint endpoint = serve(CLIENT_IDENTITY.fingerprint());
        DtlsSrtpClient client = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_IDENTITY,
                SERVER_IDENTITY.fingerprint());

        new DTLSClientProtocol().connect(client, new UDPTransport(clientSocket, 1200)).close();

        DtlsSrtpKeys serverKeys = endpoint.keys().get(20, TimeUnit.SECONDS);
        assertThat(serverKeys).isEqualTo(DtlsSrtpKeys.fromKeyingMaterial(client.keyingMaterial()));
        assertThat(serverKeys.clientWrite()).isNotEqualTo(serverKeys.serverWrite());
        assertThat(endpoint.closed().get(20, TimeUnit.SECONDS)).as("client's close_notify ends the association")
                .contains("DTLS association ended");
    }

    @Test
    void clientCertificateThatDoesNotMatchTheOfferIsRefused() throws Exception {
        CertificateFingerprint someoneElse = DtlsIdentity.generate("other", RANDOM).fingerprint();
        DtlsSrtpEndpoint endpoint = serve(someoneElse);
        DtlsSrtpClient client = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_IDENTITY,
                SERVER_IDENTITY.fingerprint());

        assertThatThrownBy(() -> new DTLSClientProtocol().connect(client, new UDPTransport(clientSocket, 1200)))
                .isInstanceOf(TlsException.class);
        assertThatThrownBy(() -> endpoint.keys().get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("fingerprint");
        assertThat(endpoint.closed().get(20, TimeUnit.SECONDS)).contains("handshake failed");
    }

    @Test
    void clientVerifiesTheServerFingerprint() throws Exception {
        serve(CLIENT_IDENTITY.fingerprint());
        CertificateFingerprint wrong = DtlsIdentity.generate("other", RANDOM).fingerprint();
        DtlsSrtpClient client = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_IDENTITY, wrong);

        assertThatThrownBy(() -> new DTLSClientProtocol().connect(client, new UDPTransport(clientSocket, 1200)))
                .isInstanceOf(TlsException.class).hasMessageContaining("fingerprint mismatch");
    }

    @Test
    void clientWithoutTheSrtpProfileIsRefused() throws Exception {
        DtlsSrtpEndpoint endpoint = serve(CLIENT_IDENTITY.fingerprint());
        DtlsSrtpClient client = new DtlsSrtpClient(new BcTlsCrypto(RANDOM), CLIENT_IDENTITY,
                SERVER_IDENTITY.fingerprint(), SRTPProtectionProfile.SRTP_AEAD_AES_128_GCM);

        assertThatThrownBy(() -> new DTLSClientProtocol().connect(client, new UDPTransport(clientSocket, 1200)))
                .isInstanceOf(TlsException.class);
        assertThatThrownBy(() -> endpoint.keys().get(20, TimeUnit.SECONDS))
                .hasMessageContaining("SRTP_AES128_CM_HMAC_SHA1_80");
    }

    @Test
    void fingerprintParsesAndFormatsLikeSdp() {
        CertificateFingerprint fingerprint = SERVER_IDENTITY.fingerprint();
        assertThat(fingerprint.toSdpValue()).matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(CertificateFingerprint.parse(fingerprint.toSdpValue().toLowerCase())).isEqualTo(fingerprint);
        assertThat(fingerprint.matches(SERVER_IDENTITY.certificateDer())).isTrue();
        assertThat(fingerprint.matches(CLIENT_IDENTITY.certificateDer())).isFalse();
        assertThatThrownBy(() -> CertificateFingerprint.parse("md5 00:11")).isInstanceOf(IllegalArgumentException.class);
    }

    /** An endpoint fed by a thread reading the server socket, answering to whoever sent last. */
    private DtlsSrtpEndpoint serve(CertificateFingerprint expectedClient) {
        AtomicReference<InetSocketAddress> peer = new AtomicReference<>();
        DtlsSrtpEndpoint endpoint = new DtlsSrtpEndpoint(SERVER_IDENTITY, expectedClient,
                (data, offset, length) -> serverSocket.send(new DatagramPacket(data, offset, length, peer.get())),
                1200, executor);
        pump = new Thread(() -> {
            byte[] buffer = new byte[2048];
            while (!serverSocket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    serverSocket.receive(packet);
                } catch (java.io.IOException closed) {
                    return;
                }
                peer.set((InetSocketAddress) packet.getSocketAddress());
                endpoint.onDatagram(Unpooled.wrappedBuffer(buffer, 0, packet.getLength()));
            }
        }, "dtls-test-pump");
        pump.start();
        return endpoint;
    }
}
