package org.trustbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free {@code s·G + t·Q} of SM2 verification ({@link Sm2Comb}) gives BouncyCastle's result for random
 * points and scalars and for the edge cases (zero scalars, the largest scalars, a sum at infinity, equal and opposite
 * table points on the way), and {@link Sm2#verify} agrees with BouncyCastle's {@link SM2Signer} on valid, altered and
 * malformed signatures.
 */
class Sm2CombTest {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("sm2p256v1");
    private static final ECPoint G = CURVE.getG();
    private static final BigInteger N = CURVE.getN();
    private static final Sm2Comb G_COMB = new Sm2Comb(G);

    @Test
    void randomPointsAndScalarsGiveBouncyCastlesSum() {
        Random random = new Random(20261127);
        for (int k = 0; k < 20; k++) {
            ECPoint q = G.multiply(scalar(random)).normalize();
            Sm2Comb comb = new Sm2Comb(q);
            for (int i = 0; i < 15; i++) {
                BigInteger s = scalar(random);
                BigInteger t = scalar(random);
                assertEquals(expected(G, s, q, t), Sm2Comb.sumOfTwoX(G_COMB, s, comb, t), "s=" + s + " t=" + t);
            }
        }
    }

    @Test
    void edgeScalarsGiveBouncyCastlesSum() {
        ECPoint q = G.multiply(BigInteger.valueOf(7)).normalize();
        Sm2Comb comb = new Sm2Comb(q);
        BigInteger[] edges = {BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, N.subtract(BigInteger.ONE),
                N.subtract(BigInteger.TWO), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(215),
                BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(N)};
        for (BigInteger s : edges) {
            for (BigInteger t : edges) {
                assertEquals(expected(G, s, q, t), Sm2Comb.sumOfTwoX(G_COMB, s, comb, t), "s=" + s + " t=" + t);
            }
        }
        assertNull(Sm2Comb.sumOfTwoX(G_COMB, BigInteger.ZERO, comb, BigInteger.ZERO));
    }

    @Test
    void aSumAtInfinityAndEqualOrOppositePointsOnTheWay() {
        Random random = new Random(5);
        BigInteger d = scalar(random);
        ECPoint q = G.multiply(d).normalize();
        Sm2Comb comb = new Sm2Comb(q);
        for (int i = 0; i < 10; i++) {
            BigInteger t = scalar(random);
            BigInteger s = t.multiply(d).negate().mod(N); // s·G + t·Q = 0
            assertNull(Sm2Comb.sumOfTwoX(G_COMB, s, comb, t));
        }
        // Q = G: every column adds the same table point twice (the doubling case of the addition).
        Sm2Comb same = new Sm2Comb(G);
        // Q = -G: every column adds a point and its opposite (the infinity case of the addition).
        Sm2Comb opposite = new Sm2Comb(G.negate());
        for (int i = 0; i < 10; i++) {
            BigInteger s = scalar(random);
            assertEquals(expected(G, s, G, s), Sm2Comb.sumOfTwoX(G_COMB, s, same, s));
            assertNull(Sm2Comb.sumOfTwoX(G_COMB, s, opposite, s));
            BigInteger u = scalar(random);
            assertEquals(expected(G, s, G.negate(), u), Sm2Comb.sumOfTwoX(G_COMB, s, opposite, u));
        }
    }

    @Test
    void verifyAgreesWithBouncyCastlesSigner() throws IOException {
        KeyPair pair = Sm2.generateKeyPair();
        Sm2.VerifyKey key = Sm2.verifyKey(pair.getPublic());
        ECPublicKeyParameters pub = new ECPublicKeyParameters(((BCECPublicKey) pair.getPublic()).getQ(),
                new ECDomainParameters(CURVE));
        Random random = new Random(11);
        for (int i = 0; i < 40; i++) {
            byte[] data = ("营业执照 record " + i).getBytes(StandardCharsets.UTF_8);
            byte[] sig = Sm2.sign(pair.getPrivate(), data);
            BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(N, sig);
            BigInteger r = rs[0];
            BigInteger s = rs[1];
            byte[][] candidates = {
                sig,
                encode(r, s.add(BigInteger.ONE).mod(N)),
                encode(r.add(BigInteger.ONE).mod(N), s),
                encode(scalar(random), scalar(random)),
                encode(r, N.subtract(r)), // t = 0
                encode(BigInteger.ZERO, s),
                encode(r, BigInteger.ZERO),
                rawDer(N, s),
                rawDer(r, N.add(s)),
                java.util.Arrays.copyOf(sig, sig.length - 1),
                new byte[] {0x30, 0x00},
            };
            for (byte[] candidate : candidates) {
                boolean bc = bouncyCastle(pub, data, candidate);
                assertEquals(bc, Sm2.verify(key, data, candidate), "signature " + java.util.HexFormat.of().formatHex(candidate));
            }
            assertTrue(Sm2.verify(key, data, sig));
            assertFalse(Sm2.verify(key, (new String(data, StandardCharsets.UTF_8) + "!").getBytes(StandardCharsets.UTF_8), sig));
        }
    }

    private static boolean bouncyCastle(ECPublicKeyParameters pub, byte[] data, byte[] signature) {
        try {
            SM2Signer signer = new SM2Signer();
            signer.init(false, new ParametersWithID(pub, Sm2.DEFAULT_ID.getBytes(StandardCharsets.US_ASCII)));
            signer.update(data, 0, data.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] encode(BigInteger r, BigInteger s) {
        return rawDer(r, s);
    }

    /** DER {@code SEQUENCE {INTEGER r, INTEGER s}} of any values (the encoder refuses values out of range). */
    private static byte[] rawDer(BigInteger r, BigInteger s) {
        try {
            return new org.bouncycastle.asn1.DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                new org.bouncycastle.asn1.ASN1Integer(r), new org.bouncycastle.asn1.ASN1Integer(s)}).getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger expected(ECPoint g, BigInteger s, ECPoint q, BigInteger t) {
        ECPoint r = ECAlgorithms.sumOfTwoMultiplies(g, s, q, t).normalize();
        return r.isInfinity() ? null : r.getAffineXCoord().toBigInteger();
    }

    private static BigInteger scalar(Random random) {
        BigInteger k;
        do {
            k = new BigInteger(256, random).mod(N);
        } while (k.signum() == 0);
        return k;
    }
}
