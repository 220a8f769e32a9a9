package org.trustbench.decision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.trustbench.audit.AuditAction;
import org.trustbench.audit.AuditRepository;
import org.trustbench.caseq.CaseQueueRepository;
import org.trustbench.sync.OutboxRepository;
import org.trustbench.domain.CaseStatus;
import org.trustbench.domain.FilingCase;
import org.trustbench.domain.Finding;
import org.trustbench.i18n.UserException;
import org.trustbench.i18n.UserMessage;
import org.trustbench.users.Role;
import org.trustbench.users.User;
import org.trustbench.verify.CheckService;

/**
 * Records filing decisions, overrides and sign-offs. Each action is one transaction: the decision
 * row, the case's new status and the audit entry commit together or not at all. Every refusal is a
 * {@link UserException} naming what is wrong; nothing is written then.
 */
public final class DecisionService {

    private final DecisionRepository decisions;
    private final CaseQueueRepository cases;
    private final CheckService checks;
    private final AuditRepository audit;
    private final OutboxRepository outbox;
    private final Clock clock;

    public DecisionService(DecisionRepository decisions, CaseQueueRepository cases, CheckService checks, AuditRepository audit,
                           OutboxRepository outbox, Clock clock) {
        this.outbox = outbox;
        this.decisions = decisions;
        this.cases = cases;
        this.checks = checks;
        this.audit = audit;
        this.clock = clock;
    }

    /** RECEIVED → IN_REVIEW: the officer takes the case; an unassigned case is assigned to them. */
    public void startReview(User officer, long caseId) {
        requireDecider(officer);
        decisions.dsl().transaction(tx -> {
            DSLContext ctx = tx.dsl();
            DecisionRepository.CaseState state = state(ctx, caseId);
            Workflow.require(state.caseNo(), state.status(), CaseStatus.IN_REVIEW);
            decisions.setStatus(ctx, caseId, CaseStatus.IN_REVIEW);
            if (state.assignee() == null) {
                decisions.setAssignee(ctx, caseId, officer.displayName());
            }
            audit.append(ctx, officer.username(), AuditAction.CASE_OPENED_FOR_REVIEW, subject(state),
                    Map.of("from", state.status().name(), "to", CaseStatus.IN_REVIEW.name()));
        });
    }

    /**
     * Records a decision (or, with {@code draft.supersedes()}, a correction). An approval over an
     * unresolved blocker is an override: the case waits in PENDING_SIGNOFF for a supervisor.
     */
    public Decision decide(User officer, DecisionDraft draft) {
        requireDecider(officer);
        // The rules run on the current evidence, not on what the form was opened with.
        FilingCase filingCase = cases.findCase(draft.caseId())
                .orElseThrow(() -> new UserException(UserMessage.of("decision.error.noCase", draft.caseId())));
        List<Finding> findings = checks.checkCase(draft.caseId());
        long id = decisions.dsl().transactionResult(tx -> {
            DSLContext ctx = tx.dsl();
            DecisionRepository.CaseState state = state(ctx, draft.caseId());
            List<UserMessage> problems = DecisionRules.problems(state.caseNo(), state.status(), draft, findings);
            if (!problems.isEmpty()) {
                throw new DecisionRefused(problems);
            }
            if (draft.supersedes() != null) {
                Decision earlier = decisions.find(ctx, draft.supersedes()).filter(d -> d.caseId() == draft.caseId())
                        .orElseThrow(() -> new UserException(UserMessage.of("decision.error.noEarlier", draft.supersedes(), state.caseNo())));
                if (!earlier.equals(decisions.forCase(draft.caseId()).get(0))) {
                    throw new UserException(UserMessage.of("decision.error.notLatest", earlier.id(), state.caseNo()));
                }
            }
            boolean override = DecisionRules.isOverride(draft, findings);
            CaseStatus next = override ? CaseStatus.PENDING_SIGNOFF : CaseStatus.DECIDED;
            Workflow.require(state.caseNo(), state.status(), next);
            List<String> acknowledged = DecisionRules.blockers(findings).stream().map(FindingKey::of).toList();
            OffsetDateTime now = OffsetDateTime.now(clock);
            long decisionId = decisions.insert(ctx, draft, DecisionRecordBasis.findingsSnapshot(findings),
                    DecisionRecordBasis.evidenceDigests(filingCase), acknowledged, officer.username(), now);
            decisions.setStatus(ctx, draft.caseId(), next);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("decisionId", decisionId);
            detail.put("outcome", draft.outcome().name());
            detail.put("reasons", draft.reasons().stream().map(Enum::name).collect(Collectors.toList()));
            detail.put("findings", findings.stream().map(Finding::ruleId).collect(Collectors.toList()));
            detail.put("statusFrom", state.status().name());
            detail.put("statusTo", next.name());
            if (override) {
                detail.put("justification", draft.overrideJustification());
            }
            if (draft.supersedes() != null) {
                detail.put("supersedes", draft.supersedes());
            }
            AuditAction action = draft.supersedes() != null ? AuditAction.SUPERSEDE : override ? AuditAction.OVERRIDE : AuditAction.DECISION;
            audit.append(ctx, officer.username(), action, subject(state), detail);
            Decision recorded = decisions.find(ctx, decisionId).orElseThrow();
            outbox.append(ctx, "decision", Long.toString(decisionId), SyncRecords.decision(recorded));
            return decisionId;
        });
        return decisions.find(decisions.dsl(), id).orElseThrow();
    }

    /** A supervisor other than the deciding officer lets an override stand: PENDING_SIGNOFF → DECIDED. */
    public Decision signOff(User supervisor, long decisionId, String note) {
        return review(supervisor, decisionId, note, Decision.Verdict.SIGNED_OFF);
    }

    /** A supervisor sends an override back to review: PENDING_SIGNOFF → IN_REVIEW. A note is required. */
    public Decision sendBack(User supervisor, long decisionId, String note) {
        if (note == null || note.isBlank()) {
            throw new UserException(UserMessage.of("decision.error.noteRequired"));
        }
        return review(supervisor, decisionId, note, Decision.Verdict.SENT_BACK);
    }

    private Decision review(User supervisor, long decisionId, String note, Decision.Verdict verdict) {
        if (!supervisor.roles().contains(Role.SUPERVISOR)) {
            throw new UserException(UserMessage.of("decision.error.notSupervisor", supervisor.username()));
        }
        decisions.dsl().transaction(tx -> {
            DSLContext ctx = tx.dsl();
            Decision d = decisions.find(ctx, decisionId)
                    .orElseThrow(() -> new UserException(UserMessage.of("decision.error.noDecision", decisionId)));
            DecisionRepository.CaseState state = state(ctx, d.caseId());
            if (state.status() != CaseStatus.PENDING_SIGNOFF || !d.isOverride() || d.signOff() != null) {
                throw new UserException(UserMessage.of("decision.error.notPending", state.caseNo(), "#status." + state.status().name()));
            }
            if (d.decidedBy().equals(supervisor.username())) {
                throw new UserException(UserMessage.of("decision.error.fourEyes", supervisor.username(), state.caseNo()));
            }
            CaseStatus next = verdict == Decision.Verdict.SIGNED_OFF ? CaseStatus.DECIDED : CaseStatus.IN_REVIEW;
            Workflow.require(state.caseNo(), state.status(), next);
            OffsetDateTime now = OffsetDateTime.now(clock);
            decisions.insertSignOff(ctx, decisionId, verdict, note == null || note.isBlank() ? null : note.strip(),
                    supervisor.username(), now);
            decisions.setStatus(ctx, d.caseId(), next);
            outbox.append(ctx, "signoff", decisionId + ":" + verdict.name(), SyncRecords.signOff(
                    decisions.find(ctx, decisionId).orElseThrow()));
            audit.append(ctx, supervisor.username(), verdict == Decision.Verdict.SIGNED_OFF ? AuditAction.SIGN_OFF : AuditAction.SEND_BACK,
                    subject(state), Map.of("decisionId", decisionId, "decidedBy", d.decidedBy(), "note", note == null ? "" : note.strip(),
                            "statusTo", next.name()));
        });
        return decisions.find(decisions.dsl(), decisionId).orElseThrow();
    }

    public List<Decision> forCase(long caseId) {
        return decisions.forCase(caseId);
    }

    public List<Decision> since(OffsetDateTime since) {
        return decisions.since(since);
    }

    private DecisionRepository.CaseState state(DSLContext ctx, long caseId) {
        return decisions.lockCase(ctx, caseId)
                .orElseThrow(() -> new UserException(UserMessage.of("decision.error.noCase", caseId)));
    }

    private static String subject(DecisionRepository.CaseState state) {
        return "case:" + state.caseNo();
    }

    private static void requireDecider(User user) {
        if (!user.roles().contains(Role.DESK_OFFICER) && !user.roles().contains(Role.SUPERVISOR)) {
            throw new UserException(UserMessage.of("decision.error.notOfficer", user.username()));
        }
    }

    /** A draft with problems: all of them, so the form can show every one. */
    public static final class DecisionRefused extends UserException {
        private static final long serialVersionUID = 1L;
        private final transient List<UserMessage> problems;

        public DecisionRefused(List<UserMessage> problems) {
            super(problems.get(0));
            this.problems = List.copyOf(problems);
        }

        public List<UserMessage> problems() {
            return problems;
        }
    }
}
