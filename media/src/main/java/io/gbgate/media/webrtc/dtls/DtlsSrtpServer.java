package io.gbgate.media.webrtc.dtls;

import io.gbgate.media.webrtc.srtp.DtlsSrtpKeys;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The bctls server peer of a DTLS-SRTP handshake: DTLS 1.2, ECDSA credentials from the
 * {@link DtlsIdentity}, the use_srtp extension with SRTP_AES128_CM_HMAC_SHA1_80 only, a required
 * client certificate whose fingerprint must match the one in the offer, and the SRTP keys
 * exported once the handshake is complete.
 */
final class DtlsSrtpServer extends DefaultTlsServer {
    private static final int PROFILE = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private final DtlsIdentity identity;
    private final CertificateFingerprint expectedClientFingerprint;
    private volatile DtlsSrtpKeys keys;

    DtlsSrtpServer(BcTlsCrypto crypto, DtlsIdentity identity, CertificateFingerprint expectedClientFingerprint) {
        super(crypto);
        this.identity = identity;
        this.expectedClientFingerprint = expectedClientFingerprint;
    }

    /** The SRTP keys, available once the handshake completed. */
    DtlsSrtpKeys keys() {
        return keys;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    /** ECDHE with ECDSA only: the identity is an ECDSA certificate. Browsers offer all of these. */
    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), new int[] {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        });
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return HANDSHAKE_TIMEOUT_MILLIS;
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return identity.signer(context, (BcTlsCrypto) getCrypto());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client did not offer use_srtp");
        }
        for (int profile : offered.getProtectionProfiles()) {
            if (profile == PROFILE) {
                return;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure,
                "client offers no SRTP_AES128_CM_HMAC_SHA1_80 protection profile");
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(new int[] {PROFILE}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public CertificateRequest getCertificateRequest() {
        Vector signatureAlgorithms = TlsUtils.getDefaultSupportedSignatureAlgorithms(context);
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                signatureAlgorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client sent no certificate");
        }
        byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
        if (!expectedClientFingerprint.matches(der)) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "client certificate does not match the SDP fingerprint");
        }
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        byte[] material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, DtlsSrtpKeys.EXPORTED_LENGTH);
        keys = DtlsSrtpKeys.fromKeyingMaterial(material);
    }
}
