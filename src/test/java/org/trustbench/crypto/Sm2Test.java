package org.trustbench.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM2 signatures and keys, checked against themselves and against stock OpenSSL 3. */
class Sm2Test {

    private static final byte[] MESSAGE = "备案核验 TrustBench\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    @Test
    void signatureVerifiesAndIsDeterministic() {
        KeyPair kp = Sm2.generateKeyPair();
        byte[] sig = Sm2.sign(kp.getPrivate(), MESSAGE);
        assertTrue(Sm2.verify(kp.getPublic(), MESSAGE, sig));
        assertArrayEquals(sig, Sm2.sign(kp.getPrivate(), MESSAGE), "same key and data give the same signature");
        assertFalse(Arrays.equals(sig, Sm2.sign(kp.getPrivate(), "other".getBytes(StandardCharsets.UTF_8))));
        assertEquals(0x30, sig[0] & 0xFF, "DER SEQUENCE");
    }

    @Test
    void changedDataOrOtherKeyFails() {
        KeyPair kp = Sm2.generateKeyPair();
        byte[] sig = Sm2.sign(kp.getPrivate(), MESSAGE);
        byte[] changed = MESSAGE.clone();
        changed[0] ^= 1;
        assertFalse(Sm2.verify(kp.getPublic(), changed, sig));
        assertFalse(Sm2.verify(Sm2.generateKeyPair().getPublic(), MESSAGE, sig));
    }

    @Test
    void malformedSignatureBytesAreFalseNotExceptions() {
        KeyPair kp = Sm2.generateKeyPair();
        byte[] sig = Sm2.sign(kp.getPrivate(), MESSAGE);
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, null));
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, new byte[0]));
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, new byte[] {1, 2, 3}));
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, Arrays.copyOf(sig, sig.length - 1)));
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, Arrays.copyOf(sig, sig.length + 1)), "trailing byte");
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}),
                "r = s = 0");
        byte[] flipped = sig.clone();
        flipped[flipped.length - 1] ^= 1;
        assertFalse(Sm2.verify(kp.getPublic(), MESSAGE, flipped));
    }

    @Test
    void pemRoundTripsAndFingerprintIsSm3OfSubjectPublicKeyInfo() {
        KeyPair kp = Sm2.generateKeyPair();
        String pub = Sm2.encodePublicKeyPem(kp.getPublic());
        String priv = Sm2.encodePrivateKeyPem(kp.getPrivate());
        assertTrue(pub.startsWith("-----BEGIN PUBLIC KEY-----\n") && pub.endsWith("\n-----END PUBLIC KEY-----\n"), pub);
        assertTrue(priv.startsWith("-----BEGIN PRIVATE KEY-----\n") && priv.endsWith("\n-----END PRIVATE KEY-----\n"));
        assertTrue(pub.lines().allMatch(l -> l.length() <= 64));

        var pub2 = Sm2.decodePublicKeyPem(pub);
        var priv2 = Sm2.decodePrivateKeyPem("leading text\r\n" + priv.replace("\n", "\r\n"));
        assertArrayEquals(kp.getPublic().getEncoded(), pub2.getEncoded());
        assertTrue(Sm2.verify(pub2, MESSAGE, Sm2.sign(priv2, MESSAGE)));

        String fp = Sm2.fingerprint(kp.getPublic());
        assertTrue(fp.matches("[0-9a-f]{64}"), fp);
        assertEquals(Sm3.hex(kp.getPublic().getEncoded()), fp);
        assertEquals(fp, Sm2.fingerprint(pub2));
        assertEquals(fp, Sm2.fingerprint(Sm2.publicKeyOf(priv2)));
        assertEquals(pub, Sm2.encodePublicKeyPem(Sm2.publicKeyOf(kp.getPrivate())));
    }

    @Test
    void rejectsKeysThatAreNotSm2() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = g.generateKeyPair();
        assertThrows(IllegalArgumentException.class, () -> Sm2.sign(p256.getPrivate(), MESSAGE));
        assertThrows(IllegalArgumentException.class, () -> Sm2.verify(p256.getPublic(), MESSAGE, new byte[8]));
        String p256Pem = "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getEncoder().encodeToString(p256.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
        assertThrows(IllegalArgumentException.class, () -> Sm2.decodePublicKeyPem(p256Pem));
        assertThrows(IllegalArgumentException.class, () -> Sm2.decodePublicKeyPem("no pem here"));
        assertThrows(IllegalArgumentException.class,
                () -> Sm2.decodePublicKeyPem("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n"));
        String priv = Sm2.encodePrivateKeyPem(Sm2.generateKeyPair().getPrivate());
        assertThrows(IllegalArgumentException.class, () -> Sm2.decodePublicKeyPem(priv), "private PEM is not public");
    }

    // ------------------------------------------------------------------ OpenSSL

    @Test
    void trustBenchSignatureVerifiesWithOpenSsl() throws Exception {
        Assumptions.assumeTrue(opensslAvailable(), "no OpenSSL 3 on PATH");
        KeyPair kp = Sm2.generateKeyPair();
        Path data = Files.write(tmp.resolve("data.bin"), MESSAGE);
        Path sig = Files.write(tmp.resolve("sig.der"), Sm2.sign(kp.getPrivate(), MESSAGE));
        Path pub = Files.writeString(tmp.resolve("pub.pem"), Sm2.encodePublicKeyPem(kp.getPublic()));

        Run ok = openssl(tmp, "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-in", data.toString(),
                "-sigfile", sig.toString(), "-digest", "sm3", "-pkeyopt", "distid:" + Sm2.DEFAULT_ID);
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("Signature Verified Successfully"), ok.output());

        Path other = Files.write(tmp.resolve("other.bin"), "tampered".getBytes(StandardCharsets.UTF_8));
        Run bad = openssl(tmp, "pkeyutl", "-verify", "-pubin", "-inkey", pub.toString(), "-rawin", "-in", other.toString(),
                "-sigfile", sig.toString(), "-digest", "sm3", "-pkeyopt", "distid:" + Sm2.DEFAULT_ID);
        assertTrue(bad.exit() != 0 && bad.output().contains("Signature Verification Failure"), bad.output());

        // OpenSSL reads the PKCS#8 private key and derives the same public key.
        Path key = Files.writeString(tmp.resolve("key.pem"), Sm2.encodePrivateKeyPem(kp.getPrivate()));
        Run derived = openssl(tmp, "pkey", "-in", key.toString(), "-pubout");
        assertEquals(0, derived.exit(), derived.output());
        assertEquals(Files.readString(pub), derived.output());
    }

    @Test
    void openSslSignatureVerifiesWithTrustBench() throws Exception {
        Assumptions.assumeTrue(opensslAvailable(), "no OpenSSL 3 on PATH");
        Path key = tmp.resolve("key.pem");
        Run gen = openssl(tmp, "genpkey", "-algorithm", "SM2", "-out", key.toString());
        assertEquals(0, gen.exit(), gen.output());
        Path pubDer = tmp.resolve("pub.der");
        Run pub = openssl(tmp, "pkey", "-in", key.toString(), "-pubout", "-outform", "DER", "-out", pubDer.toString());
        assertEquals(0, pub.exit(), pub.output());
        Path data = Files.write(tmp.resolve("data.bin"), MESSAGE);
        Path sig = tmp.resolve("sig.der");
        Run sign = openssl(tmp, "pkeyutl", "-sign", "-inkey", key.toString(), "-rawin", "-in", data.toString(),
                "-digest", "sm3", "-pkeyopt", "distid:" + Sm2.DEFAULT_ID, "-out", sig.toString());
        assertEquals(0, sign.exit(), sign.output());

        var privateKey = Sm2.decodePrivateKeyPem(Files.readString(key));
        var publicKey = Sm2.publicKeyOf(privateKey);
        assertArrayEquals(Files.readAllBytes(pubDer), publicKey.getEncoded(), "same SubjectPublicKeyInfo DER");
        assertEquals(Sm3.hex(Files.readAllBytes(pubDer)), Sm2.fingerprint(publicKey));

        byte[] signature = Files.readAllBytes(sig);
        assertTrue(Sm2.verify(publicKey, MESSAGE, signature));
        assertFalse(Sm2.verify(publicKey, "tampered".getBytes(StandardCharsets.UTF_8), signature));
        // and the other way round with OpenSSL's key: TrustBench signs, OpenSSL verifies (see above)
        assertTrue(Sm2.verify(publicKey, MESSAGE, Sm2.sign(privateKey, MESSAGE)));
    }

    // ------------------------------------------------------------------ helpers (also used by RegistryRecordSignatureTest)

    record Run(int exit, String output) {
    }

    private static Boolean opensslAvailable;

    /** True if an OpenSSL 3 (or later) binary is on the PATH. */
    static synchronized boolean opensslAvailable() {
        if (opensslAvailable == null) {
            try {
                Run v = openssl(Path.of("."), "version");
                opensslAvailable = v.exit() == 0 && v.output().matches("(?s)OpenSSL ([3-9]|\\d\\d)\\..*");
            } catch (IOException e) {
                opensslAvailable = false;
            }
        }
        return opensslAvailable;
    }

    static Run openssl(Path dir, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();   // no input: openssl never waits on stdin
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return new Run(p.exitValue(), output);
    }
}
