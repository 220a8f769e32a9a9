package org.trustbench.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditEntry;
import org.trustbench.audit.AuditQuery;
import org.trustbench.crypto.Sm2;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.decision.Decision;
import org.trustbench.decision.DecisionDraft;
import org.trustbench.decision.DecisionRules;
import org.trustbench.decision.FindingKey;
import org.trustbench.decision.Outcome;
import org.trustbench.decision.ReasonCode;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.CaseSummary;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.UserException;
import org.trustbench.sync.conflict.Conflict;
import org.trustbench.sync.conflict.ConflictKind;
import org.trustbench.sync.conflict.ConflictStatus;
import org.trustbench.sync.conflict.Resolution;
import org.trustbench.sync.format.PackageException;
import org.trustbench.sync.format.PackageProblem;
import org.trustbench.sync.keys.SignerRole;
import org.trustbench.sync.keys.TrustedSigner;
import org.trustbench.training.Dataset;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/**
 * Issue #5's round trip: store A decides demo cases (one an override signed off by a supervisor, one corrected),
 * exports; store B, another demo data folder with the same dataset that trusts A's workstation key, imports the
 * package and then holds the same decisions, compared field by field.
 */
class SyncRoundTripTest {

    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);
    private static final User SUPERVISOR = new User(2, "supervisor", "陈静怡", "SH-PD-0201", Set.of(Role.SUPERVISOR), 0, null, false);
    private static final User OFFICER_B = new User(3, "officer2", "王芳", "SH-PD-0102", Set.of(Role.DESK_OFFICER), 0, null, false);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private Clock clock;
    private AppServices a;
    private AppServices b;

    @BeforeEach
    void open() {
        Dataset dataset;
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            dataset = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        clock = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        a = AppServices.open(new DataFolder(tmp.resolve("a")), Workspace.DEMO, clock);
        a.prepare((d, t) -> { }, () -> false);
        b = AppServices.open(new DataFolder(tmp.resolve("b")), Workspace.DEMO, clock);
        b.prepare((d, t) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private Path exportA(String folder) throws Exception {
        Path out = Files.createDirectories(tmp.resolve(folder));
        return a.export().export(out, "officer1", null, null, () -> false).file();
    }

    private void bTrustsA(SignerRole role) throws Exception {
        Path pem = tmp.resolve("a.pub.pem");
        Files.writeString(pem, Sm2.encodePublicKeyPem(a.workstationKeys().publicKey()));
        b.trust().trust("admin", pem, role, "workstation A");
    }

    private List<CaseSummary> inReview(AppServices s, boolean clean) {
        return s.caseQueueRepository().findAllSummaries().stream()
                .filter(c -> c.status() == CaseStatus.IN_REVIEW && (clean ? c.findingCount() == 0 : blocked(c)))
                .toList();
    }

    private static boolean blocked(CaseSummary c) {
        return c.maxSeverity() == org.trustbench.domain.Severity.BLOCKER;
    }

    private Decision approve(AppServices s, User who, long caseId) {
        return s.decisions().decide(who, new DecisionDraft(caseId, Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                "", List.of(), Set.of(), "", null));
    }

    private Decision override(AppServices s, long caseId) {
        List<Finding> findings = s.checks().checkCase(caseId);
        Set<String> ack = new HashSet<>();
        DecisionRules.blockers(findings).forEach(f -> ack.add(FindingKey.of(f)));
        return s.decisions().decide(OFFICER, new DecisionDraft(caseId, Outcome.APPROVE,
                List.of(ReasonCode.FINDINGS_ACCEPTED_AS_MINOR), "Checked by phone with the registry office.", List.of(), ack,
                "The registry confirmed the licence in writing; the record shown is stale.", null));
    }

    @Test
    void decisionsSignOffsAndSupersessionsArriveFieldByField() throws Exception {
        List<CaseSummary> clean = inReview(a, true);
        CaseSummary blockedCase = inReview(a, false).get(0);
        Decision first = approve(a, OFFICER, clean.get(0).id());
        approve(a, OFFICER, clean.get(1).id());
        Decision over = override(a, blockedCase.id());
        assertTrue(over.isOverride());
        a.decisions().signOff(SUPERVISOR, over.id(), "Agreed after reading the letter.");
        a.decisions().decide(OFFICER, new DecisionDraft(clean.get(0).id(), Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED),
                "Corrected: the scope was read again.", List.of(), Set.of(), "", first.id()));
        Path pkg = exportA("out");
        List<Long> caseIdsA = List.of(clean.get(0).id(), clean.get(1).id(), blockedCase.id());

        bTrustsA(SignerRole.WORKSTATION);
        long outboxBefore = b.outbox().lastSeq();
        ImportService.ImportResult r = b.importer().importPackage(pkg, "central", () -> false);
        assertFalse(r.alreadyImported());
        assertEquals(4L, r.counts().get("decision"));
        assertEquals(1L, r.counts().get("signoff"));
        assertEquals(0, r.conflicts());
        assertEquals(0, r.skipped());
        assertEquals(outboxBefore, b.outbox().lastSeq(), "an imported decision is not exported again from here");

        for (long idA : caseIdsA) {
            String caseNo = a.caseQueueRepository().findCase(idA).orElseThrow().caseNo();
            long idB = b.caseQueueRepository().findIdByCaseNo(caseNo).orElseThrow();
            List<Decision> da = a.decisions().forCase(idA);
            List<Decision> db = b.decisions().forCase(idB);
            assertEquals(da.size(), db.size(), caseNo);
            for (int i = 0; i < da.size(); i++) {
                Decision x = da.get(i);
                Decision y = db.get(i);
                assertEquals(caseNo, y.caseNo());
                assertEquals(x.outcome(), y.outcome(), caseNo);
                assertEquals(x.reasons(), y.reasons(), caseNo);
                assertEquals(x.rationale(), y.rationale(), caseNo);
                assertEquals(x.supplements(), y.supplements(), caseNo);
                assertEquals(x.acknowledged(), y.acknowledged(), caseNo);
                assertEquals(x.overrideJustification(), y.overrideJustification(), caseNo);
                assertEquals(JSON.readTree(x.findingsSnapshot()), JSON.readTree(y.findingsSnapshot()), caseNo);
                assertEquals(JSON.readTree(x.evidenceDigests()), JSON.readTree(y.evidenceDigests()), caseNo);
                assertEquals(x.decidedBy(), y.decidedBy(), caseNo);
                assertEquals(x.decidedAt().toInstant(), y.decidedAt().toInstant(), caseNo);
                assertEquals(x.supersedes() == null, y.supersedes() == null, caseNo);
                if (x.supersedes() != null) {
                    assertEquals(db.get(i + 1).id(), y.supersedes(), "the correction points at its imported predecessor");
                }
                assertEquals(x.signOff() == null, y.signOff() == null, caseNo);
                if (x.signOff() != null) {
                    assertEquals(x.signOff().verdict(), y.signOff().verdict());
                    assertEquals(x.signOff().note(), y.signOff().note());
                    assertEquals(x.signOff().signedBy(), y.signOff().signedBy());
                    assertEquals(x.signOff().signedAt().toInstant(), y.signOff().signedAt().toInstant());
                }
            }
            assertEquals(CaseStatus.DECIDED, b.caseQueueRepository().findCase(idB).orElseThrow().status(), caseNo);
            Set<AuditAction> actions = new HashSet<>();
            b.audit().list(new AuditQuery("case:" + caseNo, null, null, null, 50)).forEach(e -> actions.add(e.action()));
            assertTrue(actions.contains(AuditAction.DECISION) || actions.contains(AuditAction.OVERRIDE), actions.toString());
        }
        List<AuditEntry> trail = b.audit().list(new AuditQuery("case:", "central", null, null, 50));
        assertEquals(Set.of(AuditAction.DECISION, AuditAction.OVERRIDE, AuditAction.SIGN_OFF, AuditAction.SUPERSEDE),
                Set.copyOf(trail.stream().map(AuditEntry::action).toList()));
        assertTrue(b.audit().verify().ok());

        // Again: already imported. A re-export of the same range (a new package): every record skipped.
        assertTrue(b.importer().importPackage(pkg, "central", () -> false).alreadyImported());
        Path again = a.export().export(Files.createDirectories(tmp.resolve("again")), "officer1", 1L, a.outbox().lastSeq(),
                () -> false).file();
        ImportService.ImportResult second = b.importer().importPackage(again, "central", () -> false);
        assertFalse(second.alreadyImported());
        assertEquals(5, second.skipped());
        assertEquals(0, second.applied());
        assertEquals(0, second.conflicts());
    }

    @Test
    void twoDecisionsForOneCaseBecomeAConflictResolvedEitherWay() throws Exception {
        List<CaseSummary> clean = inReview(a, true);
        long keepId = clean.get(0).id();
        long applyId = clean.get(1).id();
        String keepNo = clean.get(0).caseNo();
        String applyNo = clean.get(1).caseNo();
        approve(a, OFFICER, keepId);
        a.decisions().decide(OFFICER, new DecisionDraft(applyId, Outcome.REJECT, List.of(ReasonCode.FALSE_DECLARATION),
                "The declaration does not match the site visit.", List.of(), Set.of(), "", null));
        Path pkg = exportA("out");
        long bKeep = b.caseQueueRepository().findIdByCaseNo(keepNo).orElseThrow();
        long bApply = b.caseQueueRepository().findIdByCaseNo(applyNo).orElseThrow();
        Decision localKeep = approve(b, OFFICER_B, bKeep);
        Decision localApply = approve(b, OFFICER_B, bApply);

        bTrustsA(SignerRole.WORKSTATION);
        ImportService.ImportResult r = b.importer().importPackage(pkg, "central", () -> false);
        assertEquals(2, r.conflicts());
        assertEquals(0L, r.counts().get("decision"));
        assertEquals(List.of(localKeep.id()), b.decisions().forCase(bKeep).stream().map(Decision::id).toList(),
                "never silently overwritten");
        List<Conflict> open = b.conflicts().open();
        assertEquals(2, open.size());
        Conflict keep = open.stream().filter(c -> c.caseNo().equals(keepNo)).findFirst().orElseThrow();
        Conflict apply = open.stream().filter(c -> c.caseNo().equals(applyNo)).findFirst().orElseThrow();
        assertEquals(ConflictKind.DECISION_CONFLICT, apply.kind());
        assertEquals(clean.get(1).uscc(), apply.providerUscc());
        var outcome = apply.fields().stream().filter(f -> f.name().equals("outcome")).findFirst().orElseThrow();
        assertEquals("APPROVE", outcome.local());
        assertEquals("REJECT", outcome.incoming());
        assertTrue(outcome.differs());

        b.conflicts().resolve(keep.id(), Resolution.KEEP_LOCAL, "Our desk decided after the applicant called.", "supervisor");
        assertEquals(List.of(localKeep.id()), b.decisions().forCase(bKeep).stream().map(Decision::id).toList());
        Conflict applied = b.conflicts().resolve(apply.id(), Resolution.APPLY_INCOMING, "Field evidence prevails.", "supervisor");
        assertEquals(ConflictStatus.APPLIED_INCOMING, applied.status());
        List<Decision> now = b.decisions().forCase(bApply);
        assertEquals(2, now.size());
        assertEquals(Outcome.REJECT, now.get(0).outcome());
        assertEquals(localApply.id(), now.get(0).supersedes(), "the incoming decision supersedes the local one, kept for history");
        assertEquals("officer1", now.get(0).decidedBy());
        assertEquals(CaseStatus.DECIDED, b.caseQueueRepository().findCase(bApply).orElseThrow().status());
        assertEquals(2, b.audit().list(new AuditQuery("conflict:", null, null, null, 10)).stream()
                .filter(e -> e.action() == AuditAction.CONFLICT_RESOLVED).count());
        assertEquals(0, b.conflicts().openCount());
        assertTrue(b.audit().verify().ok());
        assertEquals("conflict.error.notOpen", assertThrows(UserException.class,
                () -> b.conflicts().resolve(keep.id(), Resolution.APPLY_INCOMING, "again", "supervisor")).userMessage().key());
    }

    @Test
    void theSignerRoleMustMatchTheDirection() throws Exception {
        approve(a, OFFICER, inReview(a, true).get(0).id());
        Path pkg = exportA("out");
        // Not trusted at all: the verifier refuses the unknown signer.
        assertEquals(PackageProblem.UNKNOWN_SIGNER, assertThrows(PackageException.class,
                () -> b.importer().importPackage(pkg, "central", () -> false)).problem());
        // Trusted, but as a central system: a workstation's package is refused.
        bTrustsA(SignerRole.CENTRAL);
        UserException e = assertThrows(UserException.class, () -> b.importer().importPackage(pkg, "central", () -> false));
        assertEquals("sync.import.wrongRole", e.userMessage().key());
        assertTrue(b.syncPackages().history().isEmpty());
        assertEquals(0, b.decisions().since(OffsetDateTime.parse("2000-01-01T00:00:00Z")).size());
    }

    @Test
    void aRealStoreRefusesADemoWorkstationsPackage() throws Exception {
        approve(a, OFFICER, inReview(a, true).get(0).id());
        Path pkg = exportA("out");
        try (AppServices real = AppServices.open(new DataFolder(tmp.resolve("real")), Workspace.REAL, clock)) {
            var pub = a.workstationKeys().publicKey();
            real.store().dsl().transaction(tx -> real.trustedSigners().add(tx.dsl(), new TrustedSigner(Sm2.fingerprint(pub),
                    SignerRole.WORKSTATION, "demo A", Sm2.encodePublicKeyPem(pub), OffsetDateTime.now(clock), "test")));
            PackageException e = assertThrows(PackageException.class,
                    () -> real.importer().importPackage(pkg, "central", () -> false));
            assertEquals(PackageProblem.DEMO_INTO_REAL, e.problem());
            assertTrue(real.syncPackages().history().isEmpty());
        }
    }

    @Test
    void aSignOffForADecisionTheStoreLacksIsRefusedNamingTheLine() throws Exception {
        CaseSummary blockedCase = inReview(a, false).get(0);
        Decision over = override(a, blockedCase.id());
        exportA("first");
        a.decisions().signOff(SUPERVISOR, over.id(), "Agreed.");
        Path second = exportA("second");
        bTrustsA(SignerRole.WORKSTATION);
        UserException e = assertThrows(UserException.class, () -> b.importer().importPackage(second, "central", () -> false));
        assertEquals("sync.import.unknownDecision", e.userMessage().key());
        assertEquals("records/signoff.jsonl", e.userMessage().args().get(0));
        assertEquals(1L, e.userMessage().args().get(1));
        assertTrue(b.syncPackages().history().isEmpty());
        assertNull(b.decisions().forCase(b.caseQueueRepository().findIdByCaseNo(blockedCase.caseNo()).orElseThrow())
                .stream().findFirst().orElse(null));
    }

    @Test
    void progressCoversVerificationAndApplyAndACancelBeforeTheCommitLeavesNothing() throws Exception {
        approve(a, OFFICER, inReview(a, true).get(0).id());
        Path pkg = exportA("out");
        bTrustsA(SignerRole.WORKSTATION);
        List<long[]> seen = new ArrayList<>();
        ImportService.ImportResult r = b.importer().importPackage(pkg, "central", (done, total) -> seen.add(new long[] {done, total}),
                () -> false);
        assertNotNull(r);
        assertTrue(seen.size() >= 2);
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i)[0] >= seen.get(i - 1)[0], "progress never goes back");
        }
        assertEquals(ImportService.TOTAL, seen.get(seen.size() - 1)[0]);
        assertTrue(seen.stream().allMatch(p -> p[1] == ImportService.TOTAL), "one scale throughout");
        assertTrue(seen.stream().anyMatch(p -> p[0] > 0 && p[0] <= ImportService.PHASE), "verification reported");
        // Cancelled once everything was verified and applied, before the commit: nothing stays.
        approve(a, OFFICER, inReview(a, true).get(0).id());
        Path next = exportA("next");
        int before = b.syncPackages().history().size();
        boolean[] applied = {false};
        assertNull(b.importer().importPackage(next, "central", (done, total) -> applied[0] |= done == 2 * ImportService.PHASE,
                () -> applied[0]), "cancelled once the apply had ended");
        assertEquals(before, b.syncPackages().history().size());
        assertEquals(1, b.decisions().since(OffsetDateTime.parse("2000-01-01T00:00:00Z")).size(), "the second decision left no trace");
        assertFalse(b.importer().importPackage(next, "central", () -> false).alreadyImported());
    }
}
