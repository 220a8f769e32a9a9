package org.trustbench.decision;

import static org.trustbench.db.jooq.Tables.DECISION;
import static org.trustbench.db.jooq.Tables.DECISION_SIGNOFF;
import static org.trustbench.db.jooq.Tables.FILING_CASE;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record;
import org.trustbench.db.jooq.tables.records.DecisionSignoffRecord;
import org.trustbench.domain.CaseStatus;
import org.trustbench.db.StoreJson;

/** Decisions, sign-offs and the case status they move. Writes take the caller's transaction. */
public final class DecisionRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private final DSLContext dsl;

    public DecisionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public DSLContext dsl() {
        return dsl;
    }

    /** The case's number and status, read inside {@code tx} with a row lock so two decisions cannot race. */
    public Optional<CaseState> lockCase(DSLContext tx, long caseId) {
        return tx.select(FILING_CASE.CASE_NO, FILING_CASE.STATUS, FILING_CASE.ASSIGNEE).from(FILING_CASE)
                .where(FILING_CASE.ID.eq(caseId)).forUpdate()
                .fetchOptional(r -> new CaseState(caseId, r.value1(), CaseStatus.valueOf(r.value2()), r.value3()));
    }

    public void setStatus(DSLContext tx, long caseId, CaseStatus status) {
        tx.update(FILING_CASE).set(FILING_CASE.STATUS, status.name()).where(FILING_CASE.ID.eq(caseId)).execute();
    }

    public void setAssignee(DSLContext tx, long caseId, String assignee) {
        tx.update(FILING_CASE).set(FILING_CASE.ASSIGNEE, assignee).where(FILING_CASE.ID.eq(caseId)).execute();
    }

    public long insert(DSLContext tx, DecisionDraft d, String findingsSnapshot, String evidenceDigests, List<String> acknowledged,
                       String decidedBy, OffsetDateTime at) {
        return tx.insertInto(DECISION)
                .set(DECISION.CASE_ID, d.caseId())
                .set(DECISION.OUTCOME, d.outcome().name())
                .set(DECISION.REASON_CODES, d.reasons().stream().map(Enum::name).collect(Collectors.joining(",")))
                .set(DECISION.RATIONALE, d.rationale().isEmpty() ? null : d.rationale())
                .set(DECISION.SUPPLEMENTS, d.supplements().stream().map(Enum::name).collect(Collectors.joining(",")))
                .set(DECISION.ACKNOWLEDGED_FINDINGS, json(acknowledged))
                .set(DECISION.OVERRIDE_JUSTIFICATION, d.overrideJustification().isEmpty() ? null : d.overrideJustification())
                .set(DECISION.FINDINGS_SNAPSHOT, JSON.valueOf(findingsSnapshot))
                .set(DECISION.EVIDENCE_DIGESTS, JSON.valueOf(evidenceDigests))
                .set(DECISION.DECIDED_BY, decidedBy)
                .set(DECISION.DECIDED_AT, at)
                .set(DECISION.SUPERSEDES_ID, d.supersedes())
                .returning(DECISION.ID)
                .fetchOne(DECISION.ID);
    }

    public void insertSignOff(DSLContext tx, long decisionId, Decision.Verdict verdict, String note, String by, OffsetDateTime at) {
        tx.insertInto(DECISION_SIGNOFF)
                .set(DECISION_SIGNOFF.DECISION_ID, decisionId)
                .set(DECISION_SIGNOFF.VERDICT, verdict.name())
                .set(DECISION_SIGNOFF.NOTE, note)
                .set(DECISION_SIGNOFF.SIGNED_BY, by)
                .set(DECISION_SIGNOFF.SIGNED_AT, at)
                .execute();
    }

    public Optional<Decision> find(DSLContext ctx, long decisionId) {
        return ctx.select(DECISION.asterisk(), FILING_CASE.CASE_NO).from(DECISION).join(FILING_CASE).on(FILING_CASE.ID.eq(DECISION.CASE_ID))
                .where(DECISION.ID.eq(decisionId)).fetchOptional(r -> toDecision(ctx, r));
    }

    /** The case's decisions, newest first. */
    public List<Decision> forCase(long caseId) {
        return dsl.select(DECISION.asterisk(), FILING_CASE.CASE_NO).from(DECISION).join(FILING_CASE).on(FILING_CASE.ID.eq(DECISION.CASE_ID))
                .where(DECISION.CASE_ID.eq(caseId)).orderBy(DECISION.ID.desc()).fetch(r -> toDecision(dsl, r));
    }

    /** Decisions made at or after {@code since}, oldest first. */
    public List<Decision> since(OffsetDateTime since) {
        return dsl.select(DECISION.asterisk(), FILING_CASE.CASE_NO).from(DECISION).join(FILING_CASE).on(FILING_CASE.ID.eq(DECISION.CASE_ID))
                .where(DECISION.DECIDED_AT.ge(since)).orderBy(DECISION.ID).fetch(r -> toDecision(dsl, r));
    }

    private static Decision toDecision(DSLContext ctx, Record r) {
        long id = r.get(DECISION.ID);
        DecisionSignoffRecord s = ctx.selectFrom(DECISION_SIGNOFF).where(DECISION_SIGNOFF.DECISION_ID.eq(id))
                .orderBy(DECISION_SIGNOFF.ID.desc()).limit(1).fetchOne();
        Decision.SignOff signOff = s == null ? null
                : new Decision.SignOff(Decision.Verdict.valueOf(s.getVerdict()), s.getNote(), s.getSignedBy(), s.getSignedAt());
        return new Decision(id, r.get(DECISION.CASE_ID), r.get(FILING_CASE.CASE_NO), Outcome.valueOf(r.get(DECISION.OUTCOME)),
                csv(r.get(DECISION.REASON_CODES)).stream().map(ReasonCode::valueOf).toList(), r.get(DECISION.RATIONALE),
                csv(r.get(DECISION.SUPPLEMENTS)).stream().map(Supplement::valueOf).toList(),
                read(r.get(DECISION.ACKNOWLEDGED_FINDINGS)), r.get(DECISION.OVERRIDE_JUSTIFICATION),
                r.get(DECISION.FINDINGS_SNAPSHOT).data(), r.get(DECISION.EVIDENCE_DIGESTS).data(), r.get(DECISION.DECIDED_BY),
                r.get(DECISION.DECIDED_AT), r.get(DECISION.SUPERSEDES_ID), signOff);
    }

    private static List<String> csv(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    static JSON json(Object value) {
        try {
            return JSON.valueOf(StoreJson.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("decision data is plain JSON", e);
        }
    }

    private static List<String> read(JSON json) {
        try {
            return StoreJson.mapper().readValue(json.data(), STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored acknowledgements are not a JSON list", e);
        }
    }

    /** A case's number, workflow status and assignee. */
    public record CaseState(long caseId, String caseNo, CaseStatus status, String assignee) {
    }
}
