package org.trustbench.sync.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.crypto.Sm2;
import org.trustbench.crypto.Sm3;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;

class WorkstationKeysTest {

    @TempDir
    Path tmp;

    private Path store() {
        return tmp.resolve("store");
    }

    @Test
    void createdOnceOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        WorkstationKeys first = WorkstationKeys.loadOrCreate(store());
        Path file = store().resolve(WorkstationKeys.KEY_FILE);
        assertTrue(first.created());
        assertEquals(file, first.keyFile());
        assertTrue(Files.isRegularFile(file));
        String pem = Files.readString(file);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n"), pem);
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        try (var listing = Files.list(store())) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }

        assertEquals(64, first.fingerprint().length());
        assertTrue(first.fingerprint().matches("[0-9a-f]{64}"));
        assertEquals(Sm3.hex(first.publicKey().getEncoded()), first.fingerprint());
        assertEquals(first.fingerprint().substring(0, 16), first.workstationId());
        assertEquals(first.publicKey(), Sm2.decodePublicKeyPem(first.publicKeyPem()));
        byte[] data = "manifest".getBytes(StandardCharsets.UTF_8);
        assertTrue(Sm2.verify(first.publicKey(), data, Sm2.sign(first.privateKey(), data)));

        WorkstationKeys again = WorkstationKeys.loadOrCreate(store());
        assertFalse(again.created());
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(first.workstationId(), again.workstationId());
        assertArrayEquals(first.privateKey().getEncoded(), again.privateKey().getEncoded());
        assertEquals(pem, Files.readString(file), "the key file is not rewritten");

        WorkstationKeys other = WorkstationKeys.loadOrCreate(tmp.resolve("demo"));
        assertFalse(other.fingerprint().equals(first.fingerprint()), "each store has a key of its own");
    }

    @Test
    void openSslReadsTheKeyFileAndDerivesTheSamePublicKey() throws Exception {
        Assumptions.assumeTrue(OpenSsl.available(), "no OpenSSL 3 on PATH");
        WorkstationKeys keys = WorkstationKeys.loadOrCreate(store());
        Path der = tmp.resolve("pub.der");
        OpenSsl.ok(tmp, "pkey", "-in", keys.keyFile().toString(), "-pubout", "-outform", "DER", "-out", der.toString());
        assertEquals(keys.fingerprint(), Sm3.hex(Files.readAllBytes(der)));
    }

    @Test
    void aLooseKeyFileIsTightenedAndLeftoverTemporaryFilesRemoved() throws Exception {
        WorkstationKeys keys = WorkstationKeys.loadOrCreate(store());
        Assumptions.assumeTrue(Files.getFileAttributeView(keys.keyFile(), PosixFileAttributeView.class) != null, "POSIX only");
        Files.setPosixFilePermissions(keys.keyFile(), PosixFilePermissions.fromString("rw-r--r--"));
        Path leftover = store().resolve(WorkstationKeys.KEY_FILE + ".tmp-1234");
        Files.writeString(leftover, "-----BEGIN PRIVATE KEY-----\nMIG");

        WorkstationKeys again = WorkstationKeys.loadOrCreate(store());
        assertEquals(keys.fingerprint(), again.fingerprint());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.keyFile())));
        assertFalse(Files.exists(leftover));
    }

    @Test
    void aDamagedKeyFileStopsTheStartNamingTheFile() throws Exception {
        Files.createDirectories(store());
        Path file = store().resolve(WorkstationKeys.KEY_FILE);
        String good = Sm2.encodePrivateKeyPem(Sm2.generateKeyPair().getPrivate());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaPem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        String[] damaged = {
            "",
            "garbage \u0000\u00ff\u00fe not a key",
            good.substring(0, good.length() / 2),                        // cut off in the middle
            good.replace("-----BEGIN PRIVATE KEY-----\n", "-----BEGIN PRIVATE KEY-----\n!!"),
            rsaPem,                                                       // a private key, but not SM2
            Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic()),   // a public key only
        };
        for (String content : damaged) {
            Files.write(file, content.getBytes(StandardCharsets.ISO_8859_1));
            UserException e = assertThrows(UserException.class, () -> WorkstationKeys.loadOrCreate(store()));
            assertEquals("keys.error.workstationKeyCorrupt", e.userMessage().key(), content);
            assertEquals(file, e.userMessage().args().get(0));
            assertEquals(content, new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1),
                    "a damaged key is never replaced");
            assertRendered(e, file);
        }
    }

    @Test
    void aKeyPathThatCannotBeReadStopsTheStart() throws Exception {
        Path file = store().resolve(WorkstationKeys.KEY_FILE);
        Files.createDirectories(file);   // a folder where the key should be
        UserException e = assertThrows(UserException.class, () -> WorkstationKeys.loadOrCreate(store()));
        assertEquals("keys.error.workstationKeyUnreadable", e.userMessage().key());
        assertEquals(file, e.userMessage().args().get(0));
        assertRendered(e, file);
    }

    @Test
    void aKeyFileWithoutReadPermissionStopsTheStart() throws Exception {
        WorkstationKeys keys = WorkstationKeys.loadOrCreate(store());
        Assumptions.assumeTrue(Files.getFileAttributeView(keys.keyFile(), PosixFileAttributeView.class) != null, "POSIX only");
        Files.setPosixFilePermissions(keys.keyFile(), PosixFilePermissions.fromString("---------"));
        try {
            Assumptions.assumeFalse(Files.isReadable(keys.keyFile()), "running as root: every file is readable");
            UserException e = assertThrows(UserException.class, () -> WorkstationKeys.loadOrCreate(store()));
            assertEquals("keys.error.workstationKeyUnreadable", e.userMessage().key());
            assertEquals(keys.keyFile(), e.userMessage().args().get(0));
        } finally {
            Files.setPosixFilePermissions(keys.keyFile(), PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aBrokenSymlinkIsNotReplacedByANewKey() throws Exception {
        Files.createDirectories(store());
        Path file = store().resolve(WorkstationKeys.KEY_FILE);
        try {
            Files.createSymbolicLink(file, tmp.resolve("gone.pem"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            Assumptions.abort("no symbolic links here: " + e);
        }
        UserException e = assertThrows(UserException.class, () -> WorkstationKeys.loadOrCreate(store()));
        assertEquals("keys.error.workstationKeyUnreadable", e.userMessage().key());
        assertTrue(Files.isSymbolicLink(file));
    }

    private static void assertRendered(UserException e, Path file) {
        for (var locale : Messages.SUPPORTED) {
            String text = Messages.forLocale(locale).format(e.userMessage());
            assertTrue(text.contains(file.toString()) && !text.contains("!keys."), text);
            assertEquals(1, text.lines().count(), text);
        }
    }
}
