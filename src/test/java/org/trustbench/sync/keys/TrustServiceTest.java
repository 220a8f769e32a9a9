package org.trustbench.sync.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.audit.AuditEntry;
import org.trustbench.audit.AuditQuery;
import org.trustbench.audit.AuditRepository;
import org.trustbench.crypto.Sm2;
import org.trustbench.crypto.Sm3;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.i18n.UserException;

class TrustServiceTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final String ACTOR = "cli:tester";
    /** SM3 of the DER SubjectPublicKeyInfo in sample-data/default/demo-central.pub.pem. */
    private static final String DEMO_CENTRAL_KEY_ID = "0ae6ff28371977fb63896e0d64449ce42f62ae0f6a87b6b1af462d08b3e64b59";

    @TempDir
    Path tmp;

    private Store store;
    private TrustedSignerRepository signers;
    private AuditRepository audit;
    private TrustService trust;

    @BeforeEach
    void open() {
        store = Store.open(new DataFolder(tmp.resolve("data")), Workspace.REAL);
        signers = new TrustedSignerRepository(store.dsl());
        audit = new AuditRepository(store.dsl(), CLOCK);
        trust = new TrustService(store.dsl(), signers, audit, CLOCK, Workspace.REAL);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Path write(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content, StandardCharsets.ISO_8859_1);
        return p;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    @Test
    void trustsAnSm2KeyFromSm2WithItsAuditEntryAndListsIt() throws Exception {
        PublicKey key = Sm2.generateKeyPair().getPublic();
        // Text around the block, as in the output of keys show, is ignored.
        Path file = write("central.pub.pem", "from the central office\n" + Sm2.encodePublicKeyPem(key) + "Fingerprint: ...\n");

        TrustedSigner added = trust.trust(ACTOR, file, SignerRole.CENTRAL, "Central system 2026");

        String keyId = Sm2.fingerprint(key);
        assertEquals(keyId, added.keyId());
        assertEquals(SignerRole.CENTRAL, added.role());
        assertEquals("Central system 2026", added.name());
        assertEquals(Sm2.encodePublicKeyPem(key), added.publicKeyPem(), "stored in canonical form");
        assertEquals(ACTOR, added.addedBy());
        assertEquals(Instant.parse("2026-11-20T02:00:00Z"), added.addedAt().toInstant());
        assertEquals(keyId.substring(0, 16), added.shortId());

        assertEquals(List.of(added), signers.list());
        assertEquals(Optional.of(added), signers.find(keyId));
        assertEquals(Optional.empty(), signers.find("0".repeat(64)));
        assertEquals(Map.of(keyId, key), signers.publicKeys(SignerRole.CENTRAL));
        assertEquals(Map.of(), signers.publicKeys(SignerRole.WORKSTATION));
        assertEquals(Map.of(keyId, key), signers.publicKeys());
        assertEquals(Map.of(keyId, key), signers.publicKeys(SignerRole.CENTRAL, SignerRole.WORKSTATION));

        List<AuditEntry> entries = audit.list(AuditQuery.all(0));
        assertEquals(1, entries.size());
        AuditEntry e = entries.get(0);
        assertEquals(TrustService.AUDIT_ACTION, e.action());
        assertEquals(ACTOR, e.username());
        assertEquals("signer:" + keyId, e.subject());
        assertEquals("CENTRAL", e.detail().get("role"));
        assertEquals("Central system 2026", e.detail().get("name"));
        assertEquals("central.pub.pem", e.detail().get("source"));
        assertTrue(audit.verify().ok());
    }

    @Test
    void trustsAKeyMadeByOpenSslWithTheSameFingerprint() throws Exception {
        Assumptions.assumeTrue(OpenSsl.available(), "no OpenSSL 3 on PATH");
        Path pub = OpenSsl.sm2PublicKey(tmp, "ws-07");
        Path der = tmp.resolve("ws-07.pub.der");
        OpenSsl.ok(tmp, "pkey", "-pubin", "-in", pub.toString(), "-outform", "DER", "-out", der.toString());

        TrustedSigner added = trust.trust(ACTOR, pub, SignerRole.WORKSTATION, null);

        assertEquals(Sm3.hex(Files.readAllBytes(der)), added.keyId());
        assertEquals("ws-07.pub.pem", added.name(), "the file name when no name is given");
        assertEquals(SignerRole.WORKSTATION, added.role());
        assertTrue(signers.publicKeys(SignerRole.WORKSTATION).containsKey(added.keyId()));

        // The private key file is refused: only public keys are trusted.
        UserException e = refused("keys.error.privateKey", tmp.resolve("ws-07.key.pem"), SignerRole.WORKSTATION);
        assertEquals(tmp.resolve("ws-07.key.pem"), e.userMessage().args().get(0));
    }

    @Test
    void refusesOpenSslKeysOfOtherKinds() throws Exception {
        Assumptions.assumeTrue(OpenSsl.available(), "no OpenSSL 3 on PATH");
        OpenSsl.ok(tmp, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "rsa.key.pem");
        OpenSsl.ok(tmp, "pkey", "-in", "rsa.key.pem", "-pubout", "-out", "rsa.pub.pem");
        OpenSsl.ok(tmp, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "p256.key.pem");
        OpenSsl.ok(tmp, "pkey", "-in", "p256.key.pem", "-pubout", "-out", "p256.pub.pem");
        OpenSsl.ok(tmp, "genpkey", "-algorithm", "ED25519", "-out", "ed.key.pem");
        OpenSsl.ok(tmp, "pkey", "-in", "ed.key.pem", "-pubout", "-out", "ed.pub.pem");

        assertEquals("RSA", refused("keys.error.notSm2", tmp.resolve("rsa.pub.pem"), SignerRole.CENTRAL).userMessage().args().get(1));
        assertTrue(String.valueOf(refused("keys.error.notSm2", tmp.resolve("p256.pub.pem"), SignerRole.CENTRAL)
                .userMessage().args().get(1)).matches("EC (prime256v1|secp256r1|P-256)"));
        assertEquals("Ed25519", refused("keys.error.notSm2", tmp.resolve("ed.pub.pem"), SignerRole.CENTRAL).userMessage().args().get(1));
        assertNothingAdded();
    }

    @Test
    void refusesRsaAndP256KeysMadeInJava() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaFile = write("rsa.pem", pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded()));
        UserException e = refused("keys.error.notSm2", rsaFile, SignerRole.CENTRAL);
        assertEquals(List.of(rsaFile, "RSA"), e.userMessage().args());
        assertEquals("The key file " + rsaFile + " holds a key of type RSA, not an SM2 (sm2p256v1) key.",
                Messages.forLocale(Messages.ENGLISH).format(e.userMessage()));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        Path p256 = write("p256.pem", pem("PUBLIC KEY", ec.generateKeyPair().getPublic().getEncoded()));
        assertTrue(String.valueOf(refused("keys.error.notSm2", p256, SignerRole.WORKSTATION).userMessage().args().get(1))
                .startsWith("EC "));
        assertNothingAdded();
    }

    @Test
    void refusesFilesThatHoldNoSingleSm2PublicKey() throws Exception {
        String good = Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic());
        refused("keys.error.fileNotFound", tmp.resolve("no-such.pem"), SignerRole.CENTRAL);
        Files.createDirectories(tmp.resolve("folder.pem"));
        refused("keys.error.fileIsFolder", tmp.resolve("folder.pem"), SignerRole.CENTRAL);
        refused("keys.error.notPem", write("garbage.pem", "garbage \u0000\u00ff"), SignerRole.CENTRAL);
        refused("keys.error.notPem", write("empty.pem", ""), SignerRole.CENTRAL);
        refused("keys.error.privateKey", write("private.pem",
                Sm2.encodePrivateKeyPem(Sm2.generateKeyPair().getPrivate())), SignerRole.CENTRAL);
        refused("keys.error.privateKey", write("both.pem",
                good + Sm2.encodePrivateKeyPem(Sm2.generateKeyPair().getPrivate())), SignerRole.CENTRAL);
        UserException cert = refused("keys.error.wrongPemType", write("cert.pem", pem("CERTIFICATE", new byte[] {1, 2, 3})),
                SignerRole.CENTRAL);
        assertEquals("CERTIFICATE", cert.userMessage().args().get(1));
        refused("keys.error.severalBlocks", write("two.pem",
                good + Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic())), SignerRole.CENTRAL);
        refused("keys.error.badKey", write("badbase64.pem", good.replace("\n", "\n!!").replaceFirst("!!", "")),
                SignerRole.CENTRAL);
        refused("keys.error.badKey", write("truncated.pem", good.substring(0, 60) + "\n-----END PUBLIC KEY-----\n"),
                SignerRole.CENTRAL);
        refused("keys.error.fileTooLarge", write("huge.pem", good + "x".repeat(TrustService.MAX_PEM_FILE_BYTES)),
                SignerRole.CENTRAL);
        assertNothingAdded();
    }

    @Test
    void aKeyIsTrustedOnceInOneRole() throws Exception {
        Path file = write("k.pem", Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic()));
        trust.trust(ACTOR, file, SignerRole.WORKSTATION, "Laptop 7");
        UserException same = refused("keys.error.fileAlreadyTrusted", file, SignerRole.WORKSTATION);
        assertEquals(List.of(file, "#keys.role.WORKSTATION", "Laptop 7"), same.userMessage().args());
        assertEquals("The key in " + file + " is already trusted as Workstation, named \u201cLaptop 7\u201d.",
                Messages.forLocale(Messages.ENGLISH).format(same.userMessage()));
        refused("keys.error.fileTrustedAsOtherRole", file, SignerRole.CENTRAL);
        assertEquals(1, signers.list().size());
        assertEquals(1, audit.count());
    }

    @Test
    void badNamesAreRefused() throws Exception {
        Path file = write("k.pem", Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic()));
        for (String name : new String[] {"", "   ", "two\nlines", "x".repeat(TrustedSignerRepository.MAX_NAME + 1)}) {
            UserException e = assertThrows(UserException.class, () -> trust.trust(ACTOR, file, SignerRole.CENTRAL, name));
            assertEquals("keys.error.badName", e.userMessage().key());
        }
        assertEquals("padded", trust.trust(ACTOR, file, SignerRole.CENTRAL, "  padded ").name());
    }

    @Test
    void theSignerAndItsAuditEntryCommitTogether() throws Exception {
        Path file = write("k.pem", Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic()));
        Clock failing = new Clock() {
            @Override
            public ZoneId getZone() {
                return CLOCK.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                throw new IllegalStateException("audit log unavailable");
            }
        };
        TrustService failingAudit = new TrustService(store.dsl(), signers, new AuditRepository(store.dsl(), failing), CLOCK,
                Workspace.REAL);
        assertThrows(IllegalStateException.class, () -> failingAudit.trust(ACTOR, file, SignerRole.CENTRAL, "n"));
        assertNothingAdded();
    }

    @Test
    void aRealStoreRefusesTheDemoCentralKey() throws Exception {
        PublicKey demo = TrustService.demoCentralPublicKey(getClass().getClassLoader());
        Path file = write("demo-central.pub.pem", Sm2.encodePublicKeyPem(demo));
        refused("keys.error.demoKeyInRealStore", file, SignerRole.CENTRAL);
        refused("keys.error.demoKeyInRealStore", file, SignerRole.WORKSTATION);
        assertThrows(IllegalStateException.class, () -> trust.trustDemoCentral(ACTOR, getClass().getClassLoader()));
        assertNothingAdded();
    }

    @Test
    void aDemoStoreTrustsTheDemoCentralKeyOnce() {
        try (Store demoStore = Store.open(new DataFolder(tmp.resolve("data")), Workspace.DEMO)) {
            TrustedSignerRepository demoSigners = new TrustedSignerRepository(demoStore.dsl());
            AuditRepository demoAudit = new AuditRepository(demoStore.dsl(), CLOCK);
            TrustService demoTrust = new TrustService(demoStore.dsl(), demoSigners, demoAudit, CLOCK, Workspace.DEMO);

            Optional<TrustedSigner> added = demoTrust.trustDemoCentral("system", getClass().getClassLoader());
            assertTrue(added.isPresent());
            assertEquals(DEMO_CENTRAL_KEY_ID, added.get().keyId());
            assertEquals(SignerRole.CENTRAL, added.get().role());
            assertEquals(TrustService.DEMO_CENTRAL_NAME, added.get().name());
            assertEquals(1, demoAudit.count());

            assertEquals(Optional.empty(), demoTrust.trustDemoCentral("system", getClass().getClassLoader()));
            assertEquals(1, demoAudit.count());
            assertEquals(List.of(DEMO_CENTRAL_KEY_ID), List.copyOf(demoSigners.publicKeys(SignerRole.CENTRAL).keySet()));
        }
    }

    @Test
    void theDemoCentralPublicKeyBelongsToTheCommittedDemoPrivateKeyWhichStaysOutOfTheJar() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        PublicKey pub = TrustService.demoCentralPublicKey(loader);
        assertEquals(DEMO_CENTRAL_KEY_ID, Sm2.fingerprint(pub));
        Path privateKeyFile = Path.of("sample-data/tools/demo-central.key.pem");
        assertTrue(Files.isRegularFile(privateKeyFile), "run from the project folder");
        assertEquals(pub, Sm2.publicKeyOf(Sm2.decodePrivateKeyPem(Files.readString(privateKeyFile))));
        assertEquals(null, loader.getResource("sample-data/tools/demo-central.key.pem"), "the private key is not a resource");
    }

    @Test
    void theRepositoryRefusesNonSm2KeysDuplicatesAndWrongKeyIds() throws Exception {
        PublicKey key = Sm2.generateKeyPair().getPublic();
        String keyId = Sm2.fingerprint(key);
        var now = java.time.OffsetDateTime.now(CLOCK);
        TrustedSigner signer = new TrustedSigner(keyId, SignerRole.CENTRAL, "c", Sm2.encodePublicKeyPem(key), now, ACTOR);
        store.dsl().transaction(tx -> signers.add(tx.dsl(), signer));

        UserException dup = assertThrows(UserException.class, () -> store.dsl().transaction(tx -> signers.add(tx.dsl(),
                new TrustedSigner(keyId, SignerRole.WORKSTATION, "w", Sm2.encodePublicKeyPem(key), now, ACTOR))));
        assertEquals("keys.error.alreadyTrusted", dup.userMessage().key());

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        UserException notSm2 = assertThrows(UserException.class, () -> store.dsl().transaction(tx -> signers.add(tx.dsl(),
                new TrustedSigner("0".repeat(64), SignerRole.CENTRAL, "r",
                        pem("PUBLIC KEY", rsa.generateKeyPair().getPublic().getEncoded()), now, ACTOR))));
        assertEquals("keys.error.signerNotSm2", notSm2.userMessage().key());

        PublicKey other = Sm2.generateKeyPair().getPublic();
        assertThrows(IllegalArgumentException.class, () -> store.dsl().transaction(tx -> signers.add(tx.dsl(),
                new TrustedSigner(keyId, SignerRole.CENTRAL, "o", Sm2.encodePublicKeyPem(other), now, ACTOR))));
        assertEquals(1, signers.list().size());
    }

    @Test
    void aRowChangedInTheDatabaseIsNotUsedToVerify() throws Exception {
        Path file = write("k.pem", Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic()));
        TrustedSigner added = trust.trust(ACTOR, file, SignerRole.CENTRAL, "c");
        store.dsl().execute("UPDATE trusted_signer SET public_key_pem = ? WHERE key_id = ?",
                Sm2.encodePublicKeyPem(Sm2.generateKeyPair().getPublic()), added.keyId());
        assertEquals(Map.of(), signers.publicKeys());
    }

    @Test
    void everyRefusalRendersAsOneLineInBothLanguages() throws Exception {
        Path file = write("garbage.pem", "nothing");
        UserException e = refused("keys.error.notPem", file, SignerRole.CENTRAL);
        for (var locale : Messages.SUPPORTED) {
            String text = Messages.forLocale(locale).format(e.userMessage());
            assertTrue(text.contains(file.toString()) && !text.startsWith("!"), text);
            assertEquals(1, text.lines().count());
        }
    }

    private UserException refused(String key, Path file, SignerRole role) {
        UserException e = assertThrows(UserException.class, () -> trust.trust(ACTOR, file, role, null), file.toString());
        assertEquals(key, e.userMessage().key(), file + ": " + e.getMessage());
        assertEquals(file, e.userMessage().args().get(0));
        return e;
    }

    private void assertNothingAdded() {
        assertEquals(List.of(), signers.list());
        assertEquals(0, audit.count());
        assertFalse(audit.list(AuditQuery.all(0)).stream().anyMatch(a -> a.subject().startsWith("signer:")));
    }
}
