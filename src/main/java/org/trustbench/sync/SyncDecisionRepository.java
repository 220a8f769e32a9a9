package org.trustbench.sync;

import static org.trustbench.db.jooq.Tables.DECISION;
import static org.trustbench.db.jooq.Tables.DECISION_SIGNOFF;
import static org.trustbench.db.jooq.Tables.FILING_CASE;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.trustbench.domain.CaseStatus;

/**
 * Decisions and sign-offs that arrive from other workstations in outbound packages. Every method takes the caller's
 * transaction. Imported rows keep the id they had where they were made ({@code origin_id}).
 */
public final class SyncDecisionRepository {

    private final DSLContext dsl;

    /**
     * A decision as the store has it, with its latest sign-off verdict (or {@code null}).
     *
     * @param originId {@code <workstationId>/<id>} for an imported decision, {@code null} for one made here
     */
    public record StoredDecision(long id, long caseId, String originId, String outcome, String reasons, String rationale,
                                 String supplements, String overrideJustification, String decidedBy,
                                 OffsetDateTime decidedAt, Long supersedesId, String signOffVerdict, String signedBy,
                                 OffsetDateTime signedAt) {

        public boolean isOverride() {
            return overrideJustification != null && !overrideJustification.isBlank();
        }

        /** Still standing: not sent back by a supervisor. */
        public boolean effective() {
            return !"SENT_BACK".equals(signOffVerdict);
        }
    }

    /** A decision to insert, as the package carries it. */
    public record NewDecision(long caseId, String originId, String originPackage, String outcome, String reasons,
                              String rationale, String supplements, String acknowledgedJson, String overrideJustification,
                              String findingsJson, String evidenceDigestsJson, String decidedBy, OffsetDateTime decidedAt,
                              Long supersedesId) {
    }

    public SyncDecisionRepository(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl, "dsl");
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The decision imported under {@code originId}. */
    public Optional<StoredDecision> byOrigin(DSLContext tx, String originId) {
        return tx.selectFrom(DECISION).where(DECISION.ORIGIN_ID.eq(originId)).fetchOptional(r -> toStored(tx, r));
    }

    public Optional<StoredDecision> byId(DSLContext tx, long id) {
        return tx.selectFrom(DECISION).where(DECISION.ID.eq(id)).fetchOptional(r -> toStored(tx, r));
    }

    /** The case's newest decision. */
    public Optional<StoredDecision> latest(DSLContext tx, long caseId) {
        return tx.selectFrom(DECISION).where(DECISION.CASE_ID.eq(caseId)).orderBy(DECISION.ID.desc()).limit(1)
                .fetchOptional(r -> toStored(tx, r));
    }

    public long insert(DSLContext tx, NewDecision d) {
        return tx.insertInto(DECISION)
                .set(DECISION.CASE_ID, d.caseId())
                .set(DECISION.OUTCOME, d.outcome())
                .set(DECISION.REASON_CODES, d.reasons())
                .set(DECISION.RATIONALE, d.rationale())
                .set(DECISION.SUPPLEMENTS, d.supplements())
                .set(DECISION.ACKNOWLEDGED_FINDINGS, JSON.valueOf(d.acknowledgedJson()))
                .set(DECISION.OVERRIDE_JUSTIFICATION, d.overrideJustification())
                .set(DECISION.FINDINGS_SNAPSHOT, JSON.valueOf(d.findingsJson()))
                .set(DECISION.EVIDENCE_DIGESTS, JSON.valueOf(d.evidenceDigestsJson()))
                .set(DECISION.DECIDED_BY, d.decidedBy())
                .set(DECISION.DECIDED_AT, d.decidedAt())
                .set(DECISION.SUPERSEDES_ID, d.supersedesId())
                .set(DECISION.ORIGIN_ID, d.originId())
                .set(DECISION.ORIGIN_PACKAGE, d.originPackage())
                .returning(DECISION.ID)
                .fetchOne(DECISION.ID);
    }

    public void insertSignOff(DSLContext tx, long decisionId, String verdict, String note, String signedBy, OffsetDateTime at,
                              String originPackage) {
        tx.insertInto(DECISION_SIGNOFF)
                .set(DECISION_SIGNOFF.DECISION_ID, decisionId)
                .set(DECISION_SIGNOFF.VERDICT, verdict)
                .set(DECISION_SIGNOFF.NOTE, note)
                .set(DECISION_SIGNOFF.SIGNED_BY, signedBy)
                .set(DECISION_SIGNOFF.SIGNED_AT, at)
                .set(DECISION_SIGNOFF.ORIGIN_PACKAGE, originPackage)
                .execute();
    }

    public void setCaseStatus(DSLContext tx, long caseId, CaseStatus status) {
        tx.update(FILING_CASE).set(FILING_CASE.STATUS, status.name()).where(FILING_CASE.ID.eq(caseId)).execute();
    }

    private static StoredDecision toStored(DSLContext tx, Record r) {
        long id = r.get(DECISION.ID);
        var s = tx.selectFrom(DECISION_SIGNOFF).where(DECISION_SIGNOFF.DECISION_ID.eq(id))
                .orderBy(DECISION_SIGNOFF.ID.desc()).limit(1).fetchOne();
        return new StoredDecision(id, r.get(DECISION.CASE_ID), r.get(DECISION.ORIGIN_ID), r.get(DECISION.OUTCOME),
                r.get(DECISION.REASON_CODES), r.get(DECISION.RATIONALE), r.get(DECISION.SUPPLEMENTS),
                r.get(DECISION.OVERRIDE_JUSTIFICATION), r.get(DECISION.DECIDED_BY), r.get(DECISION.DECIDED_AT),
                r.get(DECISION.SUPERSEDES_ID), s == null ? null : s.getVerdict(), s == null ? null : s.getSignedBy(),
                s == null ? null : s.getSignedAt());
    }
}
