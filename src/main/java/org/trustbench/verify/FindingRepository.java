package org.trustbench.verify;

import static org.trustbench.db.jooq.Tables.ATTACHMENT;
import static org.trustbench.db.jooq.Tables.ATTACHMENT_BLOB;
import static org.trustbench.db.jooq.Tables.CASE_CHECK;
import static org.trustbench.db.jooq.Tables.EVIDENCE;
import static org.trustbench.db.jooq.Tables.FILING_CASE;
import static org.trustbench.db.jooq.Tables.FINDING;
import static org.trustbench.db.jooq.Tables.TRUSTED_ISSUER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.JSON;
import org.jooq.Record2;
import org.trustbench.crypto.Sm3;
import org.trustbench.domain.EvidenceRef;
import org.trustbench.domain.Finding;
import org.trustbench.domain.Severity;
import org.trustbench.domain.TrustedIssuer;

/** Stores each case's findings with the engine version and time, and reads what the rules need from the store. */
public final class FindingRepository {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<EvidenceRef>> REFS = new TypeReference<>() { };
    private final DSLContext dsl;

    public FindingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces the findings of each case in {@code results}, in one transaction. */
    public void save(Map<Long, List<Finding>> results, String engineVersion, OffsetDateTime computedAt) {
        dsl.transaction(tx -> {
            DSLContext ctx = tx.dsl();
            Collection<Long> ids = results.keySet();
            ctx.deleteFrom(FINDING).where(FINDING.CASE_ID.in(ids)).execute();
            ctx.deleteFrom(CASE_CHECK).where(CASE_CHECK.CASE_ID.in(ids)).execute();
            // Separate statements, not one bound batch: bound JSON values would be stored as JSON strings in H2.
            List<org.jooq.Query> findingInserts = new java.util.ArrayList<>();
            var checkInsert = ctx.batch(ctx.insertInto(CASE_CHECK, CASE_CHECK.CASE_ID, CASE_CHECK.ENGINE_VERSION,
                    CASE_CHECK.COMPUTED_AT, CASE_CHECK.MAX_SEVERITY, CASE_CHECK.FINDING_COUNT)
                    .values((Long) null, null, null, null, null));
            for (Map.Entry<Long, List<Finding>> e : results.entrySet()) {
                List<Finding> findings = e.getValue();
                int position = 0;
                for (Finding f : findings) {
                    findingInserts.add(ctx.insertInto(FINDING)
                            .set(FINDING.CASE_ID, e.getKey())
                            .set(FINDING.POSITION, position++)
                            .set(FINDING.RULE_ID, f.ruleId())
                            .set(FINDING.SEVERITY, f.severity().name())
                            .set(FINDING.MESSAGE_KEY, f.messageKey())
                            .set(FINDING.MESSAGE_ARGS, json(f.args()))
                            .set(FINDING.EVIDENCE_REFS, json(f.refs())));
                }
                Severity max = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
                checkInsert.bind(e.getKey(), engineVersion, computedAt, max == null ? null : max.name(), findings.size());
            }
            if (!findingInserts.isEmpty()) {
                ctx.batch(findingInserts).execute();
            }
            checkInsert.execute();
        });
    }

    public List<Finding> findings(long caseId) {
        return dsl.selectFrom(FINDING).where(FINDING.CASE_ID.eq(caseId)).orderBy(FINDING.POSITION)
                .fetch(r -> new Finding(r.getRuleId(), Severity.valueOf(r.getSeverity()), r.getMessageKey(),
                        read(r.getMessageArgs(), STRINGS), read(r.getEvidenceRefs(), REFS)));
    }

    /** When the case was last checked and by which engine version. */
    public Optional<CheckStamp> stamp(long caseId) {
        return dsl.select(CASE_CHECK.ENGINE_VERSION, CASE_CHECK.COMPUTED_AT).from(CASE_CHECK)
                .where(CASE_CHECK.CASE_ID.eq(caseId))
                .fetchOptional(r -> new CheckStamp(r.value1(), r.value2()));
    }

    /** Ids of cases never checked or checked by another engine version. */
    public List<Long> outdatedCaseIds(String engineVersion) {
        return dsl.select(FILING_CASE.ID).from(FILING_CASE)
                .leftJoin(CASE_CHECK).on(CASE_CHECK.CASE_ID.eq(FILING_CASE.ID))
                .where(CASE_CHECK.CASE_ID.isNull().or(CASE_CHECK.ENGINE_VERSION.ne(engineVersion)))
                .orderBy(FILING_CASE.ID)
                .fetch(FILING_CASE.ID);
    }

    public List<Long> allCaseIds() {
        return dsl.select(FILING_CASE.ID).from(FILING_CASE).orderBy(FILING_CASE.ID).fetch(FILING_CASE.ID);
    }

    public List<TrustedIssuer> trustedIssuers() {
        return dsl.selectFrom(TRUSTED_ISSUER).orderBy(TRUSTED_ISSUER.KEY_ID)
                .fetch(r -> new TrustedIssuer(r.getKeyId(), r.getName(), r.getPublicKeyPem()));
    }

    /** The revoked issuer keys (kept for history) and when each revocation takes effect. */
    public java.util.Map<String, OffsetDateTime> issuerRevocations() {
        java.util.Map<String, OffsetDateTime> out = new java.util.HashMap<>();
        dsl.select(TRUSTED_ISSUER.KEY_ID, TRUSTED_ISSUER.REVOKED_AT).from(TRUSTED_ISSUER)
                .where(TRUSTED_ISSUER.REVOKED_AT.isNotNull())
                .forEach(r -> out.put(r.value1(), r.value2()));
        return out;
    }

    /** Digests, among {@code caseId}'s attachments, whose stored content no longer hashes to them. */
    public Set<String> corruptBlobsOfCase(long caseId) {
        Set<String> corrupt = new HashSet<>();
        dsl.selectDistinct(ATTACHMENT_BLOB.SM3, ATTACHMENT_BLOB.CONTENT).from(ATTACHMENT_BLOB)
                .join(ATTACHMENT).on(ATTACHMENT.SM3.eq(ATTACHMENT_BLOB.SM3))
                .join(EVIDENCE).on(EVIDENCE.ID.eq(ATTACHMENT.EVIDENCE_ID))
                .where(EVIDENCE.CASE_ID.eq(caseId))
                .forEach(r -> collectCorrupt(r, corrupt::add));
        return corrupt;
    }

    /** Every stored attachment whose content no longer hashes to its digest, streamed. */
    public Set<String> corruptBlobs() {
        Set<String> corrupt = new HashSet<>();
        try (var rows = dsl.select(ATTACHMENT_BLOB.SM3, ATTACHMENT_BLOB.CONTENT).from(ATTACHMENT_BLOB).fetchSize(50).stream()) {
            rows.forEach(r -> collectCorrupt(r, corrupt::add));
        }
        return corrupt;
    }

    private static void collectCorrupt(Record2<String, byte[]> r, Consumer<String> sink) {
        if (!Sm3.hex(r.value2()).equals(r.value1())) {
            sink.accept(r.value1());
        }
    }

    private static JSON json(Object value) {
        try {
            return JSON.valueOf(JSON_MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain strings and numbers", e);
        }
    }

    private static <T> T read(JSON json, TypeReference<T> type) {
        try {
            return JSON_MAPPER.readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored finding is not valid JSON", e);
        }
    }

    /** When and with which engine a case's findings were computed. */
    public record CheckStamp(String engineVersion, OffsetDateTime computedAt) {
    }
}
