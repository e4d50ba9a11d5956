package io.github.harborupload.docker;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA key and a self-signed certificate for localhost and 127.0.0.1, made in the test (BouncyCastle
 * comes with docker-java), as an engine's, a client's or a registry's certificate.
 */
public record SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {

    public static SelfSignedCertificate of(String commonName) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + commonName);
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())}));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new SelfSignedCertificate(keys, certificate);
        } catch (IOException | OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Writes cert.pem and key.pem ("RSA PRIVATE KEY", as docker's documented openssl steps make it). */
    void writeClientFiles(Path folder) throws IOException {
        Files.writeString(folder.resolve("cert.pem"), pem(certificate));
        Files.writeString(folder.resolve("key.pem"), pem(keys.getPrivate()));
    }

    /** Writes this certificate as ca.pem, the only authority to trust. */
    void writeAsCa(Path folder) throws IOException {
        writeCertificate(folder.resolve("ca.pem"));
    }

    /** Writes this certificate in PEM, e.g. as a certs.d {@code ca.crt}. */
    public void writeCertificate(Path file) throws IOException {
        Files.writeString(file, pem(certificate));
    }

    public KeyStore keyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null);
        store.setKeyEntry("key", keys.getPrivate(), new char[0], new X509Certificate[] {certificate});
        return store;
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
