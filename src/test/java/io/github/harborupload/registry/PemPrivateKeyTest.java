package io.github.harborupload.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;

/**
 * Client keys in the PEM forms docker's Go reads (crypto/tls X509KeyPair: PKCS#8, PKCS#1 "RSA
 * PRIVATE KEY", SEC 1 "EC PRIVATE KEY"). The fixtures were written by OpenSSL 3.0 (genrsa
 * -traditional, ecparam -genkey, pkcs8 -topk8), each key beside its self-signed certificate.
 */
class PemPrivateKeyTest {

    @Test
    void eachFormSignsWhatItsCertificateVerifies() throws Exception {
        assertSignsFor("rsa-pkcs1.key", "rsa.cert", "SHA256withRSA");
        assertSignsFor("rsa-pkcs8.key", "rsa.cert", "SHA256withRSA");
        // openssl ecparam writes an "EC PARAMETERS" block first, which Go skips too.
        assertSignsFor("ec-sec1.key", "ec.cert", "SHA256withECDSA");
        assertSignsFor("ec-pkcs8.key", "ec.cert", "SHA256withECDSA");
    }

    @Test
    void anEncryptedKeyOrNoKeyIsRefusedWithoutQuotingTheFile() throws Exception {
        String encrypted = fixture("rsa-encrypted.key");
        GeneralSecurityException refused = assertThrows(GeneralSecurityException.class, () -> PemPrivateKey.parse(encrypted));
        assertTrue(refused.getMessage().contains("encrypted"), refused.getMessage());
        assertFalse(refused.getMessage().contains(encrypted.lines().skip(1).findFirst().orElseThrow()), "no key text");

        String certificate = fixture("rsa.cert");
        assertThrows(GeneralSecurityException.class, () -> PemPrivateKey.parse(certificate));

        String pkcs1 = fixture("rsa-pkcs1.key");
        String damaged = pkcs1.substring(0, pkcs1.indexOf('\n') + 1) + "AAAA" + pkcs1.substring(pkcs1.indexOf('\n') + 60);
        GeneralSecurityException unreadable = assertThrows(GeneralSecurityException.class, () -> PemPrivateKey.parse(damaged));
        assertFalse(unreadable.getMessage().contains(pkcs1.substring(pkcs1.indexOf('\n') + 60, pkcs1.indexOf('\n') + 100)),
                unreadable.getMessage());
    }

    private static void assertSignsFor(String keyFile, String certificateFile, String algorithm) throws Exception {
        PrivateKey key = PemPrivateKey.parse(fixture(keyFile));
        X509Certificate certificate;
        try (InputStream in = PemPrivateKeyTest.class.getResourceAsStream("pem/" + certificateFile)) {
            certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        byte[] message = "a registry's handshake".getBytes(StandardCharsets.UTF_8);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signer.sign()), keyFile);
        assertEquals(certificate.getPublicKey().getAlgorithm(), key.getAlgorithm(), keyFile);
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PemPrivateKeyTest.class.getResourceAsStream("pem/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
