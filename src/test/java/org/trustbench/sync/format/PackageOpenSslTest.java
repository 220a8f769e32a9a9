package org.trustbench.sync.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.Sm2;

/** A package TrustBench writes verifies with stock OpenSSL 3, by the commands docs/sync-format.md gives. */
class PackageOpenSslTest {

    @TempDir
    Path tmp;
    private Path pkg;
    private Path signer;

    record Run(int exit, String output) {
    }

    @BeforeEach
    void writePackage() throws IOException {
        pkg = Fixtures.outbound(tmp, "package.zip");
        signer = Files.writeString(tmp.resolve("signer.pem"), Sm2.encodePublicKeyPem(Fixtures.WORKSTATION.getPublic()));
    }

    @Test
    void entriesDigestsSignerAndSignatureVerifyWithOpenSsl() throws Exception {
        Assumptions.assumeTrue(available("openssl", "version"), "no OpenSSL 3 on PATH");
        Path dir = Files.createDirectories(tmp.resolve("x"));
        extract(Files.readAllBytes(pkg), dir);
        JsonNode manifest = Fixtures.JSON.readTree(dir.resolve("manifest.json").toFile());

        for (JsonNode e : manifest.get("entries")) {
            Run dgst = run(dir, "openssl", "dgst", "-sm3", "-r", e.get("path").asText());
            assertEquals(0, dgst.exit(), dgst.output());
            assertEquals(e.get("sm3").asText() + " *" + e.get("path").asText(), dgst.output().strip());
            assertEquals(e.get("size").asLong(), Files.size(dir.resolve(e.get("path").asText())));
        }
        Run der = run(dir, "openssl", "pkey", "-pubin", "-in", signer.toString(), "-outform", "DER", "-out", "signer.der");
        assertEquals(0, der.exit(), der.output());
        Run keyId = run(dir, "openssl", "dgst", "-sm3", "-r", "signer.der");
        assertEquals(manifest.get("signerKeyId").asText(), keyId.output().strip().split(" ")[0]);

        Run ok = verify(dir, "manifest.json", true);
        assertEquals(0, ok.exit(), ok.output());
        assertTrue(ok.output().contains("Signature Verified Successfully"), ok.output());
        assertNotEquals(0, verify(dir, "manifest.json", false).exit(), "OpenSSL 3.0 needs the distid option");

        byte[] changed = Files.readAllBytes(dir.resolve("manifest.json"));
        changed[changed.length - 3] ^= 1;
        Files.write(dir.resolve("changed.json"), changed);
        Run bad = verify(dir, "changed.json", true);
        assertNotEquals(0, bad.exit());
        assertTrue(bad.output().contains("Signature Verification Failure"), bad.output());
    }

    private Run verify(Path dir, String file, boolean distid) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl", "pkeyutl", "-verify", "-pubin", "-inkey", signer.toString(),
                "-rawin", "-in", file, "-sigfile", "manifest.sig", "-digest", "sm3"));
        if (distid) {
            cmd.addAll(List.of("-pkeyopt", "distid:1234567812345678"));
        }
        return run(dir, cmd.toArray(String[]::new));
    }

    /** OpenSSL signs with a random k; the verifier accepts any valid SM2 signature. */
    @Test
    void manifestSignedByOpenSslIsAccepted() throws Exception {
        Assumptions.assumeTrue(available("openssl", "version"), "no OpenSSL 3 on PATH");
        Forge f = Forge.of(pkg, Fixtures.WORKSTATION.getPrivate());
        Path manifest = Files.write(tmp.resolve("m.json"), f.manifestBytes());
        Path key = Files.writeString(tmp.resolve("key.pem"), Sm2.encodePrivateKeyPem(Fixtures.WORKSTATION.getPrivate()));
        Run sign = run(tmp, "openssl", "pkeyutl", "-sign", "-inkey", key.toString(), "-rawin", "-in", manifest.toString(),
                "-digest", "sm3", "-pkeyopt", "distid:1234567812345678", "-out", "m.sig");
        assertEquals(0, sign.exit(), sign.output());
        f.signatureOverride = Files.readAllBytes(tmp.resolve("m.sig"));
        Path file = f.write(tmp.resolve("openssl-signed.zip"));
        PackageVerifier.verify(file, Fixtures.trusted(Fixtures.WORKSTATION), Limits.DEFAULT).close();
    }

    /** The shell block of docs/sync-format.md, run as written, on a good package and on one with a flipped byte. */
    @Test
    void documentedHandCheckPasses() throws Exception {
        Assumptions.assumeTrue(available("openssl", "version") && available("unzip", "-v") && available("jq", "--version")
                && available("bash", "--version"), "needs openssl, unzip, jq and bash");
        String script = script();
        Files.copy(pkg, tmp.resolve("package.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Run good = run(Files.createDirectories(tmp.resolve("good")), "bash", "-c", script);
        List<String> lines = good.output().lines().toList();
        assertTrue(good.output().contains("Signature Verified Successfully"), good.output());
        assertTrue(good.output().contains("digests OK") && good.output().contains("entries OK"), good.output());
        assertFalse(good.output().contains("size differs"), good.output());
        String keyId = Sm2.fingerprint(Fixtures.WORKSTATION.getPublic());
        assertEquals(2, lines.stream().filter(keyId::equals).count(), good.output());

        byte[] bytes = Files.readAllBytes(pkg);
        String scan = "attachments/" + Fixtures.SCAN_SM3;
        ZipSurgery.Cen c = ZipSurgery.find(bytes, scan);
        Files.write(tmp.resolve("package.zip"), ZipSurgery.flip(bytes, c.dataAt(bytes) + 100, 0x01));
        Run flipped = run(Files.createDirectories(tmp.resolve("flipped")), "bash", "-c", script);
        assertTrue(flipped.output().contains("Signature Verified Successfully"), flipped.output());
        assertFalse(flipped.output().contains("digests OK"), flipped.output());
        assertTrue(flipped.output().contains(scan), "the entry is named: " + flipped.output());
    }

    private static String script() throws IOException {
        String doc = Files.readString(Path.of("docs/sync-format.md"));
        int marker = doc.indexOf("<!-- hand-check script");
        int start = doc.indexOf("```sh\n", marker) + 6;
        return doc.substring(start, doc.indexOf("```", start));
    }

    private static void extract(byte[] zip, Path dir) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(dir));
                Files.createDirectories(target.getParent());
                Files.write(target, in.readAllBytes());
            }
        }
    }

    private static boolean available(String... cmd) {
        try {
            Run r = run(Path.of("."), cmd);
            return r.exit() == 0 && (!cmd[0].equals("openssl") || r.output().matches("(?s)OpenSSL ([3-9]|\\d\\d)\\..*"));
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Run run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        return new Run(p.exitValue(), out);
    }
}
