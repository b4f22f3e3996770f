package io.gbgate.media.webrtc.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The browser's side of a DTLS-SRTP handshake, for the load harness's viewers and the tests' browser
 * stand-ins: a bctls DTLS 1.2 client offering use_srtp (SRTP_AES128_CM_HMAC_SHA1_80 unless told
 * otherwise) with the certificate of its own {@link DtlsIdentity}, which checks the server's
 * certificate against the fingerprint of the SDP answer and exports the SRTP keying material.
 */
public final class DtlsSrtpClient extends DefaultTlsClient {
    /** Bytes of SRTP keying material: two 16-byte keys and two 14-byte salts. */
    private static final int KEYING_MATERIAL_LENGTH = 60;

    private final DtlsIdentity identity;
    private final CertificateFingerprint expectedServerFingerprint;
    private final int[] offeredProfiles;
    private volatile byte[] keyingMaterial;

    /**
     * @param offeredProfiles the SRTP protection profiles to offer; none means SRTP_AES128_CM_HMAC_SHA1_80
     */
    public DtlsSrtpClient(BcTlsCrypto crypto, DtlsIdentity identity, CertificateFingerprint expectedServerFingerprint,
                          int... offeredProfiles) {
        super(crypto);
        this.identity = identity;
        this.expectedServerFingerprint = expectedServerFingerprint;
        this.offeredProfiles = offeredProfiles.length == 0
                ? new int[] {SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80} : offeredProfiles.clone();
    }

    /** The 60 bytes of SRTP keying material once the handshake is complete; null before. */
    public byte[] keyingMaterial() {
        return keyingMaterial;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = super.getClientExtensions();
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(offeredProfiles, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                if (!expectedServerFingerprint.matches(der)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "server fingerprint mismatch");
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return identity.signer(context, (BcTlsCrypto) getCrypto());
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keyingMaterial = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, KEYING_MATERIAL_LENGTH);
    }
}
