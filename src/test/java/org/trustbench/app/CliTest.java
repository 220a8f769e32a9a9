package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.Cli;
import org.trustbench.db.Workspace;
import org.trustbench.i18n.Messages;

class CliTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<LaunchOptions> launched = new AtomicReference<>();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private int run(String... args) {
        return Cli.create(launched::set, Messages.forLocale(Messages.ENGLISH), CLOCK,
                new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void demoStoreListsTheDemoCasesAsJsonAndTheRealStoreIsEmpty() throws Exception {
        assertEquals(0, run("--data-dir", tmp.toString(), "demo", "reset"), err.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "list", "--format", "json"), err.toString());
        JsonNode cases = new ObjectMapper().readTree(out.toString());
        assertTrue(cases.isArray());
        assertTrue(cases.size() >= 60, "demo cases: " + cases.size());
        JsonNode first = cases.get(0);
        for (String field : new String[] {"caseNo", "uscc", "providerNameZh", "services", "receivedOn", "deadlineOn", "daysLeft", "status"}) {
            assertTrue(first.has(field), field);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "cases", "list", "--format", "json"), err.toString());
        assertEquals(0, new ObjectMapper().readTree(out.toString()).size(), "the real store starts empty");
    }

    @Test
    void tableFiltersByStatusAndQuery() {
        assertEquals(0, run("--data-dir", tmp.toString(), "demo", "reset"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "list", "--status", "in_review"), err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("Case no."), table);
        java.util.List<String> rows = table.lines().skip(1).filter(l -> l.startsWith("BA-")).toList();
        assertFalse(rows.isEmpty(), table);
        assertTrue(rows.stream().allMatch(l -> l.contains("In review") && !l.contains("Received")), table);
        assertTrue(table.strip().endsWith(rows.size() + " cases"), table);
        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "list", "--query", "no-such-company-xyz"));
        assertTrue(out.toString().contains("0 cases"), out.toString());
    }

    @Test
    void showPrintsACaseWithItsFindingsAndCheckReRunsTheRules() throws Exception {
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "list", "--severity", "blocker", "--format", "json"),
                err.toString());
        JsonNode blocked = new ObjectMapper().readTree(out.toString());
        assertTrue(blocked.size() > 0);
        String caseNo = blocked.get(0).get("caseNo").asText();
        assertEquals("BLOCKER", blocked.get(0).get("maxSeverity").asText());

        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "show", caseNo, "--format", "json"), err.toString());
        JsonNode shown = new ObjectMapper().readTree(out.toString());
        assertEquals(caseNo, shown.get("caseNo").asText());
        assertTrue(shown.get("findings").size() >= 1);
        JsonNode finding = shown.get("findings").get(0);
        assertEquals("BLOCKER", finding.get("severity").asText());
        assertFalse(finding.get("message").asText().contains("{"), finding.toString());
        assertTrue(shown.has("engineVersion") && shown.has("computedAt"));
        assertTrue(shown.get("checks").has("REAL_PERSON"));

        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "show", caseNo));
        assertTrue(out.toString().contains("[Blocker]"), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "check", "--all"), err.toString());
        assertTrue(out.toString().startsWith("Checked "), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo", "cases", "check", caseNo), err.toString());
        assertTrue(out.toString().startsWith("Checked " + caseNo), out.toString());

        assertEquals(1, run("--data-dir", tmp.toString(), "--demo", "cases", "show", "BA-NO-SUCH"));
        assertTrue(err.toString().contains("BA-NO-SUCH"), err.toString());
        assertEquals(2, run("--data-dir", tmp.toString(), "--demo", "cases", "check"), "needs --all or a case");
    }

    @Test
    void noCommandOpensTheWorkbenchWithTheResolvedOptions() {
        assertEquals(0, run("--data-dir", tmp.toString(), "--demo"));
        assertEquals(Workspace.DEMO, launched.get().workspace());
        assertEquals(tmp.toAbsolutePath(), launched.get().dataFolder().root());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run("cases", "list", "--status", "NOPE"));
        assertTrue(err.toString().contains("NOPE"), err.toString());
        assertEquals(2, run("--no-such-option"));
        assertEquals(2, run("cases", "list", "--format", "xml"));
    }

    @Test
    void aBrokenDatasetExitsWithOneAndOneLine() throws Exception {
        Path broken = tmp.resolve("broken");
        java.nio.file.Files.createDirectories(broken);
        java.nio.file.Files.writeString(broken.resolve("dataset.json"), "{ \"format\": 1, ");
        assertEquals(1, run("--data-dir", tmp.toString(), "demo", "reset", "--dataset", broken.toString()));
        String message = err.toString().strip();
        assertTrue(message.startsWith("Error: dataset.json, line 1"), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void versionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("TrustBench "));
        out.getBuffer().setLength(0);
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--data-dir"));
        assertTrue(out.toString().contains("cases"));
    }
}
