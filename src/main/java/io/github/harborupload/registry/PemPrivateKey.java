package io.github.harborupload.registry;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A private key from a PEM file, in the forms docker's Go reads ({@code tls.X509KeyPair}: the first
 * block whose type ends in "PRIVATE KEY"): PKCS#8 ({@code PRIVATE KEY}), PKCS#1
 * ({@code RSA PRIVATE KEY}) and SEC 1 ({@code EC PRIVATE KEY}), which openssl writes by default.
 * Java reads only PKCS#8, so the other two are wrapped into it (RFC 5208: version 0, the algorithm,
 * the key as an octet string); no BouncyCastle. Encrypted keys are refused, as docker refuses them.
 * Failures never quote the key.
 */
final class PemPrivateKey {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = hex("06072a8648ce3d0201");

    private PemPrivateKey() {
    }

    /**
     * @param pem the file's text
     * @throws GeneralSecurityException naming the form when there is no key, it is encrypted, or unreadable
     */
    static PrivateKey parse(String pem) throws GeneralSecurityException {
        Matcher block = BLOCK.matcher(pem);
        while (block.find()) {
            String type = block.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue; // e.g. the "EC PARAMETERS" block openssl ecparam writes first
            }
            if (type.startsWith("ENCRYPTED") || block.group(2).contains("Proc-Type: 4,ENCRYPTED")) {
                throw new GeneralSecurityException("the key is encrypted with a passphrase; docker cannot read it"
                        + " either (openssl pkey -in KEY -out client.key writes it without)");
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2));
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException("the " + type + " block is not base64");
            }
            return switch (type) {
                case "PRIVATE KEY" -> pkcs8(der, List.of("RSA", "EC", "EdDSA"));
                case "RSA PRIVATE KEY" -> pkcs8(sequence(integerZero(), RSA_ALGORITHM, octetString(der)), List.of("RSA"));
                case "EC PRIVATE KEY" -> pkcs8(sequence(integerZero(), sequence(EC_PUBLIC_KEY, curveOf(der)),
                        octetString(der)), List.of("EC"));
                default -> throw new GeneralSecurityException("a " + type + " is not a key form docker reads");
            };
        }
        throw new GeneralSecurityException("no PEM block ending in PRIVATE KEY");
    }

    private static PrivateKey pkcs8(byte[] der, List<String> algorithms) throws GeneralSecurityException {
        for (String algorithm : algorithms) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notThisOne) {
                // The next algorithm; PKCS#8 names its own, but Java wants it chosen first.
            }
        }
        throw new GeneralSecurityException("not a readable " + String.join(", ", algorithms) + " private key");
    }

    /**
     * The named curve of a SEC 1 key: {@code ECPrivateKey ::= SEQUENCE { version, privateKey OCTET
     * STRING, [0] parameters, [1] publicKey }}; openssl always writes {@code [0]}.
     */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        int[] outer = element(sec1, 0);
        for (int at = outer[0]; at < outer[1]; ) {
            int[] field = element(sec1, at);
            if ((sec1[at] & 0xff) == 0xa0) {
                return Arrays.copyOfRange(sec1, field[0], field[1]);
            }
            at = field[1];
        }
        throw new GeneralSecurityException("an EC PRIVATE KEY without its curve");
    }

    /** The DER element at {@code at}: where its content starts and where it ends. */
    private static int[] element(byte[] der, int at) throws GeneralSecurityException {
        if (at + 1 >= der.length) {
            throw new GeneralSecurityException("a truncated key");
        }
        int first = der[at + 1] & 0xff;
        int length = first;
        int lengthBytes = 0;
        if (first >= 0x80) {
            lengthBytes = first & 0x7f;
            if (lengthBytes > 3 || at + 1 + lengthBytes >= der.length) {
                throw new GeneralSecurityException("a malformed key");
            }
            length = 0;
            for (int i = 1; i <= lengthBytes; i++) {
                length = (length << 8) | (der[at + 1 + i] & 0xff);
            }
        }
        int content = at + 2 + lengthBytes;
        if (content + length > der.length) {
            throw new GeneralSecurityException("a truncated key");
        }
        return new int[] {content, content + length};
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return encoded(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return encoded(0x30, content.toByteArray());
    }

    private static byte[] encoded(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = content.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write(length >> 8);
            out.write(length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
