package org.trustbench.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustbench.app.AppServices;
import org.trustbench.audit.AuditEntry;
import org.trustbench.audit.AuditQuery;
import org.trustbench.db.DataFolder;
import org.trustbench.db.Workspace;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.UserException;
import org.trustbench.training.Dataset;
import org.trustbench.users.Role;
import org.trustbench.users.User;

/** Decisions, overrides, four-eyes sign-off and supersession on a real H2 demo store. */
class DecisionServiceTest {

    private static final User OFFICER = new User(1, "officer1", "李敏", "SH-PD-0101", Set.of(Role.DESK_OFFICER), 0, null, false);
    private static final User OFFICER2 = new User(2, "officer2", "周晓峰", "SH-PD-0102", Set.of(Role.DESK_OFFICER), 0, null, false);
    private static final User SUPERVISOR = new User(3, "supervisor", "陈静怡", "SH-PD-0201",
            Set.of(Role.SUPERVISOR, Role.DESK_OFFICER), 0, null, false);
    private static final User SUPERVISOR2 = new User(4, "supervisor2", "王建华", "SH-PD-0202",
            Set.of(Role.SUPERVISOR), 0, null, false);
    private static final User INSPECTOR = new User(5, "inspector", "沈浩然", "SH-PD-0301", Set.of(Role.FIELD_INSPECTOR), 0, null, false);

    @TempDir
    Path tmp;
    private AppServices services;
    private Dataset dataset;

    @BeforeEach
    void open() {
        try (AppServices probe = AppServices.open(new DataFolder(tmp.resolve("probe")), Workspace.DEMO, Clock.systemUTC())) {
            dataset = probe.demoWorkspace().reset(probe.demoWorkspace().source("default"));
        }
        Clock atReference = Clock.fixed(dataset.referenceDate().atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"));
        services = AppServices.open(new DataFolder(tmp.resolve("store")), Workspace.DEMO, atReference);
        services.demoWorkspace().reset(services.demoWorkspace().source("default"));
        services.checks().checkAll("test", (d, t) -> { }, () -> false);
    }

    @AfterEach
    void close() {
        services.close();
    }

    private long caseWith(List<String> tags, CaseStatus status) {
        String caseNo = dataset.batch().cases().stream()
                .filter(c -> dataset.scenarios().get(c.caseNo()).equals(tags) && c.status() == status)
                .map(c -> c.caseNo()).sorted().findFirst().orElseThrow(() -> new AssertionError("no case " + tags + " " + status));
        return services.caseQueueRepository().findIdByCaseNo(caseNo).orElseThrow();
    }

    private long otherBlockerCaseInReview(long not) {
        return dataset.batch().cases().stream().filter(c -> c.status() == CaseStatus.IN_REVIEW)
                .map(c -> services.caseQueueRepository().findIdByCaseNo(c.caseNo()).orElseThrow())
                .filter(i -> i != not && !DecisionRules.blockers(services.findingRepository().findings(i)).isEmpty())
                .findFirst().orElseThrow();
    }

    private CaseStatus status(long caseId) {
        return services.caseQueueRepository().findCase(caseId).orElseThrow().status();
    }

    private List<String> auditActions(long caseId) {
        String caseNo = services.caseQueueRepository().findCase(caseId).orElseThrow().caseNo();
        return services.audit().list(new AuditQuery(caseNo, null, null, null, 100)).stream()
                .map(e -> e.action().name()).collect(Collectors.toList());
    }

    private static DecisionDraft approve(long caseId, Set<String> ack, String justification) {
        return new DecisionDraft(caseId, Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED), justification.isEmpty() ? "" : "Checked.",
                List.of(), ack, justification, null);
    }

    @Test
    void aCleanCaseIsStartedAndApprovedWithTheFindingsAndEvidenceItWasMadeOn() {
        long id = caseWith(List.of(), CaseStatus.RECEIVED);
        assertThrows(UserException.class, () -> services.decisions().decide(OFFICER, approve(id, Set.of(), "")),
                "a received case must be taken up for review first");
        services.decisions().startReview(OFFICER, id);
        assertEquals(CaseStatus.IN_REVIEW, status(id));
        Decision d = services.decisions().decide(OFFICER, approve(id, Set.of(), ""));
        assertEquals(CaseStatus.DECIDED, status(id));
        assertEquals("officer1", d.decidedBy());
        assertEquals("[]", d.findingsSnapshot());
        assertTrue(d.evidenceDigests().contains("\"sm3\""), d.evidenceDigests());
        assertEquals(List.of("DECISION", "CASE_OPENED_FOR_REVIEW"), auditActions(id));
        assertTrue(services.audit().verify().ok());
    }

    @Test
    void approvingOverABlockerWaitsForADifferentSupervisor() {
        long id = caseWith(List.of("LICENCE_REVOKED"), CaseStatus.IN_REVIEW);
        List<Finding> findings = services.findingRepository().findings(id);
        Set<String> ack = DecisionRules.blockers(findings).stream().map(FindingKey::of).collect(Collectors.toSet());

        // Nothing is written when the draft is refused.
        DecisionService.DecisionRefused refused = assertThrows(DecisionService.DecisionRefused.class,
                () -> services.decisions().decide(OFFICER, approve(id, Set.of(), "")));
        assertTrue(refused.problems().size() >= 2, refused.problems().toString());
        assertEquals(CaseStatus.IN_REVIEW, status(id));
        assertEquals(List.of(), services.decisions().forCase(id));

        Decision override = services.decisions().decide(OFFICER, approve(id, ack,
                "Registry confirmed by phone on 2026-11-20 that the revocation was entered in error."));
        assertEquals(CaseStatus.PENDING_SIGNOFF, status(id));
        assertTrue(override.isOverride());

        UserException own = assertThrows(UserException.class, () -> services.decisions().signOff(OFFICER, override.id(), ""));
        assertEquals("decision.error.notSupervisor", own.userMessage().key());
        long other = otherBlockerCaseInReview(id);
        Decision bySupervisorOverride = services.decisions().decide(SUPERVISOR, new DecisionDraft(other, Outcome.APPROVE,
                List.of(ReasonCode.FINDINGS_RESOLVED_WITH_REGISTRY), "Confirmed.", List.of(),
                DecisionRules.blockers(services.findingRepository().findings(other)).stream().map(FindingKey::of)
                        .collect(Collectors.toSet()), "The registry corrected this on 2026-11-19.", null));
        UserException fourEyes = assertThrows(UserException.class,
                () -> services.decisions().signOff(SUPERVISOR, bySupervisorOverride.id(), "ok"));
        assertEquals("decision.error.fourEyes", fourEyes.userMessage().key());

        Decision signed = services.decisions().signOff(SUPERVISOR, override.id(), "Confirmed with the registry.");
        assertEquals(Decision.Verdict.SIGNED_OFF, signed.signOff().verdict());
        assertEquals("supervisor", signed.signOff().signedBy());
        assertEquals(CaseStatus.DECIDED, status(id));
        assertEquals(List.of("SIGN_OFF", "OVERRIDE"), auditActions(id));
        assertThrows(UserException.class, () -> services.decisions().signOff(SUPERVISOR2, override.id(), "again"),
                "a signed-off override cannot be signed again");

        // Every recorded change waits in the outbox under a gap-free sequence; refused ones left nothing.
        List<org.trustbench.sync.OutboxRecord> outbox = services.outbox().list(1, Long.MAX_VALUE);
        assertEquals(List.of(1L, 2L, 3L), outbox.stream().map(org.trustbench.sync.OutboxRecord::seq).toList());
        assertEquals(List.of("decision", "decision", "signoff"), outbox.stream().map(org.trustbench.sync.OutboxRecord::type).toList());
        assertTrue(outbox.get(2).payload().contains("\"verdict\":\"SIGNED_OFF\""), outbox.get(2).payload());
        assertEquals(0, services.outbox().lastExportedSeq());
    }

    @Test
    void aSupervisorCanSendAnOverrideBackWithANote() {
        long id = caseWith(List.of("LICENCE_REVOKED"), CaseStatus.IN_REVIEW);
        Set<String> ack = DecisionRules.blockers(services.findingRepository().findings(id)).stream().map(FindingKey::of)
                .collect(Collectors.toSet());
        Decision override = services.decisions().decide(OFFICER, approve(id, ack, "The registry status is being corrected now."));
        assertEquals("decision.error.noteRequired",
                assertThrows(UserException.class, () -> services.decisions().sendBack(SUPERVISOR, override.id(), " ")).userMessage().key());
        services.decisions().sendBack(SUPERVISOR, override.id(), "Get the registry confirmation in writing first.");
        assertEquals(CaseStatus.IN_REVIEW, status(id));
        // The officer can now decide again, e.g. reject.
        Decision reject = services.decisions().decide(OFFICER2, new DecisionDraft(id, Outcome.REJECT,
                List.of(ReasonCode.LICENCE_NOT_ACTIVE), "Licence revoked.", List.of(), ack, "", null));
        assertEquals(CaseStatus.DECIDED, status(id));
        assertEquals(2, services.decisions().forCase(id).size());
        assertEquals(reject.id(), services.decisions().forCase(id).get(0).id());
    }

    @Test
    void aCorrectionSupersedesTheLatestDecisionAndLeavesTheEarlierOneUnchanged() {
        long id = caseWith(List.of(), CaseStatus.IN_REVIEW);
        Decision first = services.decisions().decide(OFFICER, approve(id, Set.of(), ""));
        UserException notDecidable = assertThrows(UserException.class,
                () -> services.decisions().decide(OFFICER, approve(id, Set.of(), "")));
        assertTrue(notDecidable.getMessage().contains("notDecidable"), notDecidable.getMessage());
        Decision correction = services.decisions().decide(OFFICER2, new DecisionDraft(id, Outcome.RETURN,
                List.of(ReasonCode.DOCUMENTS_MISSING), "The authorisation letter is unsigned.",
                List.of(Supplement.AUTHORISATION_LETTER), Set.of(), "", first.id()));
        assertEquals(first.id(), correction.supersedes());
        assertEquals(first, services.decisions().forCase(id).get(1), "the earlier decision is unchanged");
        assertEquals("decision.error.notLatest", assertThrows(UserException.class, () -> services.decisions().decide(OFFICER,
                new DecisionDraft(id, Outcome.APPROVE, List.of(ReasonCode.ALL_CHECKS_PASSED), "", List.of(), Set.of(), "",
                        first.id()))).userMessage().key());
        assertEquals(List.of("SUPERSEDE", "DECISION"), auditActions(id));
    }

    @Test
    void rolesLimitWhoDecides() {
        long id = caseWith(List.of(), CaseStatus.IN_REVIEW);
        assertEquals("decision.error.notOfficer",
                assertThrows(UserException.class, () -> services.decisions().decide(INSPECTOR, approve(id, Set.of(), "")))
                        .userMessage().key());
        assertEquals(CaseStatus.IN_REVIEW, status(id));
    }

    @Test
    void decisionsAreListedSinceATime() {
        long id = caseWith(List.of(), CaseStatus.IN_REVIEW);
        Decision d = services.decisions().decide(OFFICER, approve(id, Set.of(), ""));
        assertEquals(List.of(d.id()), services.decisions().since(d.decidedAt()).stream().map(Decision::id).toList());
        assertEquals(List.of(), services.decisions().since(d.decidedAt().plusSeconds(1)));
        AuditEntry last = services.audit().list(new AuditQuery(null, "officer1", null, null, 1)).get(0);
        assertNotNull(last.hash());
        assertEquals("DECISION", last.action().name());
        assertEquals("case:" + d.caseNo(), last.subject());
    }
}
