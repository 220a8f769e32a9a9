package org.trustbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.cli.Cli;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.i18n.Messages;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.training.Dataset;
import org.trustbench.users.Role;
import org.trustbench.users.User;
import picocli.CommandLine;

/** {@code import}, {@code sync conflicts} and {@code sync resolve} on two real demo stores. */
class SyncCliTest {

    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);
    private static final User OFFICER_B = new User(3, "officer2", "王芳", "SH-PD-0102", Set.of(Role.DESK_OFFICER), 0, null, false);

    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Clock clock;

    private int run(Path dataDir, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = Cli.create(o -> { }, Messages.forLocale(java.util.Locale.ENGLISH), clock,
                new PrintWriter(out, true), new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "--data-dir";
        all[1] = dataDir.toString();
        all[2] = "--demo";
        System.arraycopy(args, 0, all, 3, args.length);
        return cl.execute(all);
    }

    private static void approve(AppServices s, User who, long caseId) {
        s.decisions().decide(who, new DecisionDraft(caseId, Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED), "",
                List.of(), Set.of(), "", null));
    }

    @Test
    void importReportsCountsAndAConflictIsListedAndResolved() throws Exception {
        Dataset dataset;
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            dataset = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        Path dirA = tmp.resolve("a");
        Path dirB = tmp.resolve("b");
        Path pkg;
        Path pem = tmp.resolve("a.pub.pem");
        String conflictCase;
        try (AppServices a = AppServices.open(new DataFolder(dirA), Workspace.DEMO, clock);
             AppServices b = AppServices.open(new DataFolder(dirB), Workspace.DEMO, clock)) {
            a.prepare((d, t) -> { }, () -> false);
            b.prepare((d, t) -> { }, () -> false);
            List<CaseSummary> clean = a.caseQueueRepository().findAllSummaries().stream()
                    .filter(c -> c.status() == CaseStatus.IN_REVIEW && c.findingCount() == 0).toList();
            approve(a, OFFICER, clean.get(0).id());
            approve(a, OFFICER, clean.get(1).id());
            conflictCase = clean.get(1).caseNo();
            approve(b, OFFICER_B, b.caseQueueRepository().findIdByCaseNo(conflictCase).orElseThrow());
            pkg = a.export().export(Files.createDirectories(tmp.resolve("out")), "officer1", null, null, () -> false).file();
            Files.writeString(pem, Sm2.encodePublicKeyPem(a.workstationKeys().publicKey()));
        }
        assertEquals(0, run(dirB, "keys", "trust", pem.toString(), "--role", "workstation"), err.toString());

        assertEquals(0, run(dirB, "import", pkg.toString()), err.toString());
        assertTrue(out.toString().contains("1 records applied, 0 skipped, 1 held as conflicts"), out.toString());

        assertEquals(0, run(dirB, "sync", "conflicts", "--format", "json"), err.toString());
        JsonNode list = new ObjectMapper().readTree(out.toString());
        assertEquals(1, list.size());
        assertEquals("DECISION_CONFLICT", list.get(0).get("kind").asText());
        assertEquals(conflictCase, list.get(0).get("caseNo").asText());
        long id = list.get(0).get("id").asLong();

        assertEquals(0, run(dirB, "sync", "conflicts"), err.toString());
        assertTrue(out.toString().contains("Conflicting decisions") && out.toString().contains("1 open conflicts"), out.toString());

        assertEquals(2, run(dirB, "sync", "resolve", String.valueOf(id), "--note", "x"), "a choice is required");
        assertEquals(0, run(dirB, "sync", "resolve", String.valueOf(id), "--keep-local", "--note", "Our decision stands."),
                err.toString());
        assertTrue(out.toString().contains("Kept local"), out.toString());
        assertEquals(0, run(dirB, "sync", "conflicts"));
        assertTrue(out.toString().contains("0 open conflicts"), out.toString());

        assertEquals(1, run(dirB, "sync", "resolve", String.valueOf(id), "--apply-incoming", "--note", "Again."));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("already resolved"), err.toString());

        assertEquals(0, run(dirB, "sync", "conflicts", "--all", "--format", "json"));
        assertEquals("KEPT_LOCAL", new ObjectMapper().readTree(out.toString()).get(0).get("status").asText());

        assertEquals(0, run(dirB, "import", pkg.toString()));
        assertTrue(out.toString().contains("already imported"), out.toString());

        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x01;
        Path bad = tmp.resolve("bad.tbsync");
        Files.write(bad, bytes);
        assertEquals(1, run(dirB, "import", bad.toString()));
        assertEquals(1, err.toString().strip().lines().count(), "one line: " + err);
    }
}
