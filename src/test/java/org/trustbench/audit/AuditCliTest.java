package org.trustbench.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.AuditCommand;
import org.trustbench.app.cli.Cli;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Store;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;
import picocli.CommandLine;

/** {@code audit verify} and {@code audit list} on a real store, tampered with by plain SQL. */
class AuditCliTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AuditRepositoryTest.TestClock clock =
            new AuditRepositoryTest.TestClock(Instant.parse("2026-11-20T02:00:00Z"), AuditRepositoryTest.SHANGHAI);

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = Cli.create(options -> { }, Messages.forLocale(Messages.ENGLISH), clock, o, e);
        if (!cl.getSubcommands().containsKey("audit")) { // until TrustBenchCommand registers it
            cl.addSubcommand("audit", new AuditCommand());
            cl.setOut(o);
            cl.setErr(e);
        }
        return cl.execute(args);
    }

    private void withStore(Consumer<Store> work) {
        try (Store store = Store.open(new DataFolder(tmp), Workspace.REAL)) {
            work.accept(store);
        }
    }

    @BeforeEach
    void seed() {
        withStore(store -> AuditRepositoryTest.appendSample(new AuditRepository(store.dsl(), clock), clock, 6));
    }

    @Test
    void verifyPrintsOkWithTheCount() {
        assertEquals(0, run("--data-dir", tmp.toString(), "audit", "verify"), err.toString());
        assertTrue(out.toString().matches("Audit log OK: \\d+ entries verified\\.\\R"), out.toString());
    }

    @Test
    void aRowUpdatedDirectlyInTheDatabaseMakesVerifyFailNamingIt() {
        withStore(store -> assertEquals(1, store.dsl().execute("UPDATE audit_log SET subject = 'BA-999' WHERE seq = 4")));
        assertEquals(1, run("--data-dir", tmp.toString(), "audit", "verify"));
        String message = err.toString().strip();
        assertEquals("Error: Entry 4 was altered: its content no longer matches its hash.", message);
        assertEquals("", out.toString());
    }

    @Test
    void aDeletedRowMakesVerifyFailWithTheGap() {
        withStore(store -> store.dsl().execute("DELETE FROM audit_log WHERE seq = 2"));
        assertEquals(1, run("--data-dir", tmp.toString(), "audit", "verify"));
        assertEquals("Error: Entry 2 was altered: it is missing (deleted from the log).", err.toString().strip());
    }

    @Test
    void listFiltersByCaseUserAndDateAsJson() throws Exception {
        assertEquals(0, run("--data-dir", tmp.toString(), "audit", "list", "--format", "json"), err.toString());
        JsonNode all = new ObjectMapper().readTree(out.toString());
        assertTrue(all.size() >= 6);
        List<Long> sample = new ArrayList<>();
        all.forEach(n -> {
            if (n.get("subject").asText().startsWith("BA-")) {
                sample.add(n.get("seq").asLong());
            }
        });
        assertEquals(List.of(6L, 5L, 4L, 3L, 2L, 1L), sample, "newest first");
        JsonNode first = all.get(all.size() - 1);
        for (String field : List.of("seq", "at", "username", "action", "subject", "detail", "prevHash", "hash")) {
            assertTrue(first.has(field), field);
        }
        assertEquals("0".repeat(64), first.get("prevHash").asText());
        assertEquals("APPROVED", first.get("detail").get("outcome").asText());

        assertEquals(0, run("--data-dir", tmp.toString(), "audit", "list", "--case", "BA-3", "--format", "json"), err.toString());
        JsonNode byCase = new ObjectMapper().readTree(out.toString());
        assertEquals(1, byCase.size());
        assertEquals("zhang.wei", byCase.get(0).get("username").asText());

        assertEquals(0, run("--data-dir", tmp.toString(), "audit", "list", "--user", "zhang.wei", "--format", "json"));
        JsonNode byUser = new ObjectMapper().readTree(out.toString());
        assertEquals(2, byUser.size(), "seq 3 and 6");

        clock.advance(Duration.ofDays(2));
        withStore(store -> new AuditRepository(store.dsl(), clock).append("li.na", AuditAction.EXPORT, "BA-7", Map.of()));
        assertEquals(0, run("--data-dir", tmp.toString(), "audit", "list", "--since", "2026-11-22", "--format", "json"));
        JsonNode since = new ObjectMapper().readTree(out.toString());
        assertTrue(since.size() >= 1);
        since.forEach(n -> assertTrue(n.get("at").asText().compareTo("2026-11-22") >= 0, n.toString()));
        assertEquals("BA-7", since.get(since.size() - 1).get("subject").asText());
    }

    @Test
    void listPrintsATableWithTranslatedActions() {
        assertEquals(0, run("--data-dir", tmp.toString(), "audit", "list", "--case", "BA-2"), err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).startsWith("No."), out.toString());
        assertTrue(lines.get(1).matches("2\\s+2026-11-20 11:00:00 \\+08:00\\s+li\\.na\\s+Decision\\s+BA-2\\s+\\{.*\"outcome\":\"APPROVED\".*"),
                out.toString());
        assertEquals("1 entries", lines.get(lines.size() - 1));
    }

    @Test
    void usageErrorsAndHelp() {
        assertEquals(2, run("--data-dir", tmp.toString(), "audit", "list", "--since", "20.11.2026"));
        assertEquals(2, run("--data-dir", tmp.toString(), "audit", "list", "--format", "xml"));
        assertEquals(0, run("audit", "verify", "--help"));
        assertTrue(out.toString().contains("first altered entry"), out.toString());
        assertEquals(0, run("audit", "list", "--help"));
        assertTrue(out.toString().contains("--since=YYYY-MM-DD"), out.toString());
        assertTrue(out.toString().contains("List audit entries"), out.toString());
    }
}
