package org.trustbench.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 signatures (GB/T 32918) with SM3 digests on the {@code sm2p256v1} curve, i.e. {@code SM3withSM2}, with the
 * default signer ID {@code 1234567812345678}: the same as stock OpenSSL 3
 * ({@code openssl pkeyutl -sign|-verify -rawin -digest sm3}).
 *
 * <p>Signatures are DER {@code SEQUENCE { INTEGER r, INTEGER s }}. Signing is <em>deterministic</em>: the
 * per-signature secret k is derived from the private key and the message digest with
 * {@link HMacDSAKCalculator} over SM3 (the RFC 6979 construction), so signing the same bytes with the same key
 * gives the same signature. Any valid SM2 signature verifies, whether deterministic or random (OpenSSL signs with
 * a random k).
 *
 * <p>Keys are ordinary JCA keys; PEM is SubjectPublicKeyInfo ({@code BEGIN PUBLIC KEY}) and PKCS#8
 * ({@code BEGIN PRIVATE KEY}), the forms OpenSSL reads and writes. BouncyCastle is used through a private provider
 * instance; it is never registered globally.
 */
public final class Sm2 {

    /** Default SM2 signer ID (GB/T 35276), also OpenSSL's default: ASCII {@code 1234567812345678}. */
    public static final String DEFAULT_ID = "1234567812345678";

    private static final byte[] DEFAULT_ID_BYTES = DEFAULT_ID.getBytes(StandardCharsets.US_ASCII);
    private static final Provider BC_PROVIDER = new BouncyCastleProvider();
    /**
     * The curve with BouncyCastle's dedicated {@code sm2p256v1} field arithmetic ({@link CustomNamedCurves}); the
     * generic {@code GMNamedCurves} form computes the same points with BigInteger reductions, several times slower.
     */
    private static final ECDomainParameters DOMAIN =
            new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CustomNamedCurves.getByName("sm2p256v1"));

    private static final String PUBLIC_PEM = "PUBLIC KEY";
    private static final String PRIVATE_PEM = "PRIVATE KEY";

    private Sm2() {
    }

    /** A fresh key pair on {@code sm2p256v1}. */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC_PROVIDER);
            g.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 key generation unavailable", e);
        }
    }

    /**
     * Signs {@code data} with SM3withSM2 and the default signer ID.
     *
     * @return the DER-encoded signature
     * @throws IllegalArgumentException if the key is not an SM2 ({@code sm2p256v1}) private key
     */
    public static byte[] sign(PrivateKey key, byte[] data) {
        ECPrivateKeyParameters priv = privateParams(key);
        BigInteger n = DOMAIN.getN();
        BigInteger d = priv.getD();
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();

        byte[] eBytes = e(z(q), data);
        BigInteger e = new BigInteger(1, eBytes);

        HMacDSAKCalculator kCalculator = new HMacDSAKCalculator(new SM3Digest());
        kCalculator.init(n, d, eBytes);
        BigInteger dPlusOneInv = BigIntegers.modOddInverse(n, d.add(BigInteger.ONE));
        FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
        while (true) {
            BigInteger k = kCalculator.nextK();
            ECPoint p = multiplier.multiply(DOMAIN.getG(), k).normalize();
            BigInteger r = e.add(p.getAffineXCoord().toBigInteger()).mod(n);
            if (r.signum() == 0 || r.add(k).equals(n)) {
                continue;
            }
            BigInteger s = dPlusOneInv.multiply(k.subtract(r.multiply(d))).mod(n);
            if (s.signum() == 0) {
                continue;
            }
            try {
                return StandardDSAEncoding.INSTANCE.encode(n, r, s);
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
    }

    /**
     * Checks an SM3withSM2 signature (DER, default signer ID) over {@code data}.
     *
     * @return {@code false} for a wrong signature and for signature bytes that are not a well-formed DER
     *         signature (never throws because of them)
     * @throws IllegalArgumentException if the key is not an SM2 ({@code sm2p256v1}) public key
     */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        return verify(verifyKey(key), data, signature);
    }

    /**
     * A public key prepared for many verifications: parsed once, with its {@code Z} value and the comb table of its
     * point ({@link Sm2Comb}) made once. Immutable and safe to share between threads.
     */
    public static final class VerifyKey {
        private final byte[] z;
        private final Sm2Comb comb;

        private VerifyKey(ECPublicKeyParameters pub) {
            ECPoint q = pub.getQ().normalize();
            this.z = z(q);
            this.comb = new Sm2Comb(q);
        }
    }

    /** The comb table of the base point G, built on first use. */
    private static final class Base {
        static final Sm2Comb G = new Sm2Comb(DOMAIN.getG());
    }

    /**
     * Prepares {@code key} for {@link #verify(VerifyKey, byte[], byte[])}.
     *
     * @throws IllegalArgumentException if the key is not an SM2 ({@code sm2p256v1}) public key
     */
    public static VerifyKey verifyKey(PublicKey key) {
        return new VerifyKey(publicParams(key));
    }

    /** As {@link #verify(PublicKey, byte[], byte[])}, with a prepared key. */
    public static boolean verify(VerifyKey key, byte[] data, byte[] signature) {
        if (data == null || signature == null) {
            return false;
        }
        // GB/T 32918.2, 7.1 (as BouncyCastle's SM2Signer verifies, with s·G + t·Q computed without allocating: Sm2Comb)
        BigInteger n = DOMAIN.getN();
        BigInteger r;
        BigInteger sv;
        try {
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(n, signature);
            r = rs[0];
            sv = rs[1];
        } catch (IOException | RuntimeException e) {
            return false; // not a strict DER signature, or a value out of range
        }
        if (r.signum() <= 0 || r.compareTo(n) >= 0 || sv.signum() <= 0 || sv.compareTo(n) >= 0) {
            return false;
        }
        byte[] eBytes = e(key.z, data);
        BigInteger t = r.add(sv).mod(n);
        if (t.signum() == 0) {
            return false;
        }
        BigInteger x1 = Sm2Comb.sumOfTwoX(Base.G, sv, key.comb, t);
        return x1 != null && new BigInteger(1, eBytes).add(x1).mod(n).equals(r);
    }

    /** The public key that belongs to an SM2 private key. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        ECPrivateKeyParameters priv = privateParams(key);
        ECPoint q = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), priv.getD()).normalize();
        try {
            return decodePublicKey(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(
                    new ECPublicKeyParameters(q, DOMAIN)).getEncoded("DER"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex SM3 of the DER SubjectPublicKeyInfo: the key ID of a signing key. */
    public static String fingerprint(PublicKey key) {
        publicParams(key);
        return Sm3.hex(key.getEncoded());
    }

    // ------------------------------------------------------------------ PEM

    /** SubjectPublicKeyInfo PEM ({@code -----BEGIN PUBLIC KEY-----}), 64-character lines, trailing newline. */
    public static String encodePublicKeyPem(PublicKey key) {
        publicParams(key);
        return pem(PUBLIC_PEM, key.getEncoded());
    }

    /** PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), unencrypted, 64-character lines, trailing newline. */
    public static String encodePrivateKeyPem(PrivateKey key) {
        privateParams(key);
        return pem(PRIVATE_PEM, key.getEncoded());
    }

    /**
     * Reads a SubjectPublicKeyInfo PEM block holding an SM2 key.
     *
     * @throws IllegalArgumentException if there is no such block or the key is not on {@code sm2p256v1}
     */
    public static PublicKey decodePublicKeyPem(String pem) {
        return decodePublicKey(unpem(PUBLIC_PEM, pem));
    }

    /**
     * Reads an unencrypted PKCS#8 PEM block holding an SM2 key.
     *
     * @throws IllegalArgumentException if there is no such block or the key is not on {@code sm2p256v1}
     */
    public static PrivateKey decodePrivateKeyPem(String pem) {
        byte[] der = unpem(PRIVATE_PEM, pem);
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC", BC_PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an EC private key: " + e.getMessage(), e);
        }
        privateParams(key);
        return key;
    }

    private static PublicKey decodePublicKey(byte[] der) {
        PublicKey key;
        try {
            key = KeyFactory.getInstance("EC", BC_PROVIDER).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not an EC public key: " + e.getMessage(), e);
        }
        publicParams(key);
        return key;
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String type, String pem) {
        if (pem == null) {
            throw new IllegalArgumentException("no PEM text");
        }
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = b < 0 ? -1 : pem.indexOf(end, b + begin.length());
        if (b < 0 || e < 0) {
            throw new IllegalArgumentException("no " + begin + " … " + end + " block");
        }
        String body = pem.substring(b + begin.length(), e).replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("bad base64 in " + type + " PEM block", ex);
        }
    }

    // ------------------------------------------------------------------ key parameters

    private static ECPrivateKeyParameters privateParams(PrivateKey key) {
        if (key == null || key.getEncoded() == null) {
            throw new IllegalArgumentException("no encodable private key");
        }
        AsymmetricKeyParameter p;
        try {
            p = PrivateKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 private key: " + e.getMessage(), e);
        }
        if (!(p instanceof ECPrivateKeyParameters ec) || !onSm2Curve(ec.getParameters())) {
            throw new IllegalArgumentException("not an SM2 (sm2p256v1) private key");
        }
        BigInteger d = ec.getD();
        if (d.signum() <= 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
            throw new IllegalArgumentException("SM2 private key out of range");
        }
        return ec;
    }

    private static ECPublicKeyParameters publicParams(PublicKey key) {
        if (key == null || key.getEncoded() == null) {
            throw new IllegalArgumentException("no encodable public key");
        }
        AsymmetricKeyParameter p;
        try {
            p = PublicKeyFactory.createKey(key.getEncoded());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a SubjectPublicKeyInfo public key: " + e.getMessage(), e);
        }
        if (!(p instanceof ECPublicKeyParameters ec) || !onSm2Curve(ec.getParameters())) {
            throw new IllegalArgumentException("not an SM2 (sm2p256v1) public key");
        }
        return ec;
    }

    private static boolean onSm2Curve(ECDomainParameters p) {
        return p.getCurve().equals(DOMAIN.getCurve()) && p.getG().equals(DOMAIN.getG()) && p.getN().equals(DOMAIN.getN());
    }

    /** e = SM3(Z || M) (GB/T 32918.2, 6.1 and 7.1). */
    private static byte[] e(byte[] z, byte[] data) {
        SM3Digest digest = new SM3Digest();
        digest.update(z, 0, z.length);
        digest.update(data, 0, data.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    /** Z_A of GB/T 32918.2 for the default signer ID: SM3(ENTL || ID || a || b || xG || yG || xA || yA). */
    private static byte[] z(ECPoint q) {
        SM3Digest d = new SM3Digest();
        int bits = DEFAULT_ID_BYTES.length * 8;
        d.update((byte) (bits >> 8));
        d.update((byte) bits);
        d.update(DEFAULT_ID_BYTES, 0, DEFAULT_ID_BYTES.length);
        update(d, DOMAIN.getCurve().getA().getEncoded());
        update(d, DOMAIN.getCurve().getB().getEncoded());
        update(d, DOMAIN.getG().getAffineXCoord().getEncoded());
        update(d, DOMAIN.getG().getAffineYCoord().getEncoded());
        update(d, q.getAffineXCoord().getEncoded());
        update(d, q.getAffineYCoord().getEncoded());
        byte[] out = new byte[d.getDigestSize()];
        d.doFinal(out, 0);
        return out;
    }

    private static void update(SM3Digest d, byte[] b) {
        d.update(b, 0, b.length);
    }
}
