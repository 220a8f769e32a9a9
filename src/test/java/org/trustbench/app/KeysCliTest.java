package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.Cli;
import org.trustbench.app.cli.KeysCommand;
import org.trustbench.audit.AuditEntry;
import org.trustbench.audit.AuditQuery;
import org.trustbench.audit.AuditRepository;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.keys.OpenSsl;
import org.trustbench.sync.keys.WorkstationKeys;
import picocli.CommandLine;

/** {@code keys show|trust|list} on real stores. */
class KeysCliTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Pattern FINGERPRINT = Pattern.compile("Fingerprint \\(SM3\\): ([0-9a-f]{64})");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Path dataDir, String... args) {
        return runIn(Messages.ENGLISH, dataDir, args);
    }

    private int runIn(java.util.Locale locale, Path dataDir, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Cli.create(o -> { }, Messages.forLocale(locale), CLOCK,
                new PrintWriter(out, true), new PrintWriter(err, true));
        if (!cl.getSubcommands().containsKey("keys")) {
            // Until TrustBenchCommand lists it; settings made before reach only the subcommands then known.
            cl.addSubcommand(new KeysCommand());
            cl.setOut(cl.getOut());
            cl.setErr(cl.getErr());
            cl.setCaseInsensitiveEnumValuesAllowed(true);
            cl.setExecutionExceptionHandler(cl.getExecutionExceptionHandler());
        }
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return cl.execute(all);
    }

    private String fingerprintShown() {
        Matcher m = FINGERPRINT.matcher(out.toString());
        assertTrue(m.find(), out.toString());
        return m.group(1);
    }

    @Test
    void showPrintsTheSameKeyEveryTimeAndOnlyTheOwnerCanReadTheFile() throws Exception {
        Path a = tmp.resolve("a");
        assertEquals(0, run(a, "keys", "show"), err.toString());
        String shown = out.toString();
        assertTrue(shown.startsWith("-----BEGIN PUBLIC KEY-----\n"), shown);
        String fingerprint = fingerprintShown();
        assertTrue(shown.contains("Workstation ID: " + fingerprint.substring(0, 16) + "\n"), shown);
        assertEquals(fingerprint, Sm2.fingerprint(Sm2.decodePublicKeyPem(shown)));

        Path keyFile = a.resolve("store").resolve(WorkstationKeys.KEY_FILE);
        assertTrue(Files.isRegularFile(keyFile));
        if (Files.getFileAttributeView(keyFile, PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }

        assertEquals(0, run(a, "keys", "show"), err.toString());
        assertEquals(shown, out.toString(), "the key is made once");
        assertEquals(0, run(tmp.resolve("b"), "keys", "show"), err.toString());
        assertTrue(!fingerprintShown().equals(fingerprint), "another store has a key of its own");
    }

    @Test
    void aSecondStoreTrustsTheKeyShownByTheFirstAndListsIt() throws Exception {
        Path field = tmp.resolve("field");
        Path central = tmp.resolve("central");
        assertEquals(0, run(field, "keys", "show"), err.toString());
        String fingerprint = fingerprintShown();
        Path pem = tmp.resolve("field.pub.pem");
        Files.writeString(pem, out.toString());   // keys show > field.pub.pem

        assertEquals(0, run(central, "keys", "list"), err.toString());
        assertTrue(out.toString().strip().endsWith("No trusted signers"), out.toString());

        assertEquals(0, run(central, "keys", "trust", pem.toString(), "--role", "workstation", "--name", "Field laptop 7"),
                err.toString());
        assertEquals("Trusted key " + fingerprint + " as \u201cField laptop 7\u201d (role: Workstation).", out.toString().strip());

        assertEquals(0, run(central, "keys", "list"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("Key ID (SM3 fingerprint)"), out.toString());
        assertTrue(lines.get(1).startsWith(fingerprint) && lines.get(1).contains("Workstation")
                && lines.get(1).contains("Field laptop 7") && lines.get(1).contains("2026-11-20 10:00")
                && lines.get(1).contains("cli:"), out.toString());
        assertEquals("1 trusted signer", lines.get(lines.size() - 1));

        assertEquals(0, run(central, "keys", "list", "--format", "json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(1, json.size());
        JsonNode s = json.get(0);
        assertEquals(fingerprint, s.get("keyId").asText());
        assertEquals("WORKSTATION", s.get("role").asText());
        assertEquals("Field laptop 7", s.get("name").asText());
        assertEquals("2026-11-20T02:00:00Z", s.get("addedAt").asText());
        assertTrue(s.get("addedBy").asText().startsWith("cli:"));
        assertEquals(fingerprint, Sm2.fingerprint(Sm2.decodePublicKeyPem(s.get("publicKeyPem").asText())));

        try (Store store = Store.open(new DataFolder(central), Workspace.REAL)) {
            List<AuditEntry> entries = new AuditRepository(store.dsl(), CLOCK).list(AuditQuery.all(0));
            assertEquals(1, entries.stream().filter(e -> e.subject().equals("signer:" + fingerprint)).count(), entries.toString());
        }

        // Trusting it again, in the same or another role, is refused with one line.
        assertEquals(1, run(central, "keys", "trust", pem.toString(), "--role", "workstation"));
        assertOneLineError("is already trusted as Workstation");
        assertEquals(1, run(central, "keys", "trust", pem.toString(), "--role", "central"));
        assertOneLineError("one key has only one role");
    }

    @Test
    void trustsAnOpenSslKeyAsCentral() throws Exception {
        Assumptions.assumeTrue(OpenSsl.available(), "no OpenSSL 3 on PATH");
        Path pub = OpenSsl.sm2PublicKey(tmp, "central-2026");
        assertEquals(0, run(tmp.resolve("d"), "keys", "trust", pub.toString(), "--role", "CENTRAL"), err.toString());
        assertTrue(out.toString().startsWith("Trusted key ") && out.toString().contains("(role: Central system)"), out.toString());
        assertTrue(out.toString().contains("\u201ccentral-2026.pub.pem\u201d"), out.toString());

        assertEquals(1, run(tmp.resolve("d"), "keys", "trust", tmp.resolve("central-2026.key.pem").toString(), "--role", "central"));
        assertOneLineError("holds a private key");
    }

    @Test
    void badFilesExitWithOneAndOneLineNamingTheFile() throws Exception {
        Path d = tmp.resolve("d");
        Path missing = tmp.resolve("missing.pem");
        assertEquals(1, run(d, "keys", "trust", missing.toString(), "--role", "central"));
        assertOneLineError(missing + " does not exist");

        Path garbage = tmp.resolve("garbage.pem");
        Files.writeString(garbage, "not a key at all");
        assertEquals(1, run(d, "keys", "trust", garbage.toString(), "--role", "central"));
        assertOneLineError(garbage + " is not a PEM file");

        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        Path rsaPem = tmp.resolve("rsa.pem");
        Files.writeString(rsaPem, "-----BEGIN PUBLIC KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(rsa.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        assertEquals(1, run(d, "keys", "trust", rsaPem.toString(), "--role", "central"));
        assertOneLineError("holds a key of type RSA, not an SM2");

        assertEquals(1, runIn(Messages.CHINESE, d, "keys", "trust", missing.toString(), "--role", "central"));
        assertTrue(err.toString().strip().matches("错误：密钥文件 .*missing\\.pem 不存在。"), err.toString());

        assertEquals(0, run(d, "keys", "list", "--format", "json"), err.toString());
        assertEquals(0, new ObjectMapper().readTree(out.toString()).size(), "nothing was trusted");
    }

    @Test
    void usageErrorsExitWithTwo() {
        Path d = tmp.resolve("d");
        assertEquals(2, run(d, "keys", "trust", "x.pem"), "--role is required");
        assertTrue(err.toString().contains("--role"), err.toString());
        assertEquals(2, run(d, "keys", "trust", "x.pem", "--role", "supervisor"));
        assertTrue(err.toString().contains("supervisor"), err.toString());
        assertEquals(2, run(d, "keys", "trust", "--role", "central"), "PEMFILE is required");
        assertEquals(2, run(d, "keys", "list", "--format", "xml"));
        assertEquals(2, run(d, "keys", "show", "extra"));
    }

    @Test
    void helpDescribesTheCommandsInBothLanguages() {
        Path d = tmp.resolve("d");
        assertEquals(0, run(d, "keys", "trust", "--help"));
        assertTrue(out.toString().contains("Trust an SM2 public key") && out.toString().contains("--role")
                && out.toString().contains("PEMFILE"), out.toString());
        // picocli reads the help bundle in the JVM's default locale, as the launcher leaves it.
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(Messages.CHINESE);
        try {
            assertEquals(0, runIn(Messages.CHINESE, d, "keys", "show", "--help"));
        } finally {
            java.util.Locale.setDefault(before);
        }
        assertTrue(out.toString().contains("以 PEM 格式输出本工作站的公钥"), out.toString());
    }

    private void assertOneLineError(String part) {
        String message = err.toString().strip();
        assertTrue(message.startsWith("Error: ") && message.contains(part), message);
        assertEquals(1, message.lines().count(), message);
    }
}
