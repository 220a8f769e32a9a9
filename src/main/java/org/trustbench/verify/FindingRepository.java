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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
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
import org.trustbench.db.IdList;
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

    /**
     * One case's check: its findings, and the SM2 result of each registry signature by input digest ({@link IssuerKeys}),
     * tagged ({@link SignatureResultMac}).
     */
    public record CaseResult(List<Finding> findings, Map<String, StoredSignatureResult> signatures) {
        public CaseResult {
            findings = List.copyOf(findings);
            signatures = Map.copyOf(signatures);
        }
    }

    /**
     * What the last check of a case stored: findings (in order), stamp, and the SM2 results by input digest, with their
     * tags, not yet verified (entries without a tag, as V7 stored them, are left out).
     */
    public record LastCheck(List<Finding> findings, Optional<CheckStamp> stamp,
                            Map<String, StoredSignatureResult> signatures) {
    }

    /** A trusted-issuer row: key id, public key PEM, and when its revocation takes effect (null if never). */
    public record IssuerRow(String keyId, String publicKeyPem, OffsetDateTime revokedAt) {
    }

    /**
     * Replaces the findings of each case in {@code results}, in one transaction: two deletes and two JDBC batches
     * (findings with {@code ? FORMAT JSON}, so their JSON is stored as JSON and not as a JSON string).
     */
    public void save(Map<Long, CaseResult> results, String engineVersion, OffsetDateTime computedAt) {
        if (results.isEmpty()) {
            return;
        }
        dsl.transaction(tx -> {
            DSLContext ctx = tx.dsl();
            IdList ids = IdList.of(results.keySet());
            ctx.deleteFrom(FINDING).where(ids.contains(FINDING.CASE_ID)).execute();
            ctx.deleteFrom(CASE_CHECK).where(ids.contains(CASE_CHECK.CASE_ID)).execute();
            ctx.connection(c -> {
                try (PreparedStatement finding = c.prepareStatement("INSERT INTO finding (case_id, position, rule_id, "
                        + "severity, message_key, message_args, evidence_refs) VALUES (?, ?, ?, ?, ?, ? FORMAT JSON, ? FORMAT JSON)");
                     PreparedStatement check = c.prepareStatement("INSERT INTO case_check (case_id, engine_version, "
                             + "computed_at, max_severity, finding_count, signature_results) VALUES (?, ?, ?, ?, ?, ? FORMAT JSON)")) {
                    int rows = 0;
                    for (Map.Entry<Long, CaseResult> e : results.entrySet()) {
                        List<Finding> findings = e.getValue().findings();
                        int position = 0;
                        for (Finding f : findings) {
                            finding.setLong(1, e.getKey());
                            finding.setInt(2, position++);
                            finding.setString(3, f.ruleId());
                            finding.setString(4, f.severity().name());
                            finding.setString(5, f.messageKey());
                            finding.setString(6, jsonText(f.args()));
                            finding.setString(7, jsonText(f.refs()));
                            finding.addBatch();
                            rows++;
                        }
                        Severity max = findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
                        check.setLong(1, e.getKey());
                        check.setString(2, engineVersion);
                        check.setObject(3, computedAt);
                        check.setString(4, max == null ? null : max.name());
                        check.setInt(5, findings.size());
                        check.setString(6, jsonText(new java.util.TreeMap<>(e.getValue().signatures())));
                        check.addBatch();
                    }
                    if (rows > 0) {
                        finding.executeBatch();
                    }
                    check.executeBatch();
                }
            });
        });
    }

    public List<Finding> findings(long caseId) {
        return dsl.selectFrom(FINDING).where(FINDING.CASE_ID.eq(caseId)).orderBy(FINDING.POSITION)
                .fetch(r -> new Finding(r.getRuleId(), Severity.valueOf(r.getSeverity()), r.getMessageKey(),
                        read(r.getMessageArgs(), STRINGS), read(r.getEvidenceRefs(), REFS)));
    }

    /**
     * The case's last check in one query: its findings, stamp and stored SM2 results (empty if never checked, or checked
     * before the results were stored).
     */
    public LastCheck lastCheck(long caseId) {
        List<Finding> found = new java.util.ArrayList<>();
        CheckStamp stamp = null;
        Map<String, StoredSignatureResult> signatures = Map.of();
        for (var r : dsl.select(CASE_CHECK.ENGINE_VERSION, CASE_CHECK.COMPUTED_AT, CASE_CHECK.SIGNATURE_RESULTS,
                        FINDING.RULE_ID, FINDING.SEVERITY, FINDING.MESSAGE_KEY, FINDING.MESSAGE_ARGS, FINDING.EVIDENCE_REFS)
                .from(CASE_CHECK).leftJoin(FINDING).on(FINDING.CASE_ID.eq(CASE_CHECK.CASE_ID))
                .where(CASE_CHECK.CASE_ID.eq(caseId)).orderBy(FINDING.POSITION).fetch()) {
            if (stamp == null) {
                stamp = new CheckStamp(r.value1(), r.value2());
                signatures = storedResults(r.value3());
            }
            if (r.value4() != null) {
                found.add(new Finding(r.value4(), Severity.valueOf(r.value5()), r.value6(), read(r.value7(), STRINGS),
                        read(r.value8(), REFS)));
            }
        }
        return new LastCheck(List.copyOf(found), Optional.ofNullable(stamp), signatures);
    }

    /**
     * The stored SM2 results (tags not yet verified) of the last checks of {@code ids} made by {@code engineVersion}, by
     * case id, in one query; cases checked by another engine version, or never, are left out.
     */
    public Map<Long, Map<String, StoredSignatureResult>> storedSignatureResults(Collection<Long> ids, String engineVersion) {
        Map<Long, Map<String, StoredSignatureResult>> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        IdList wanted = IdList.of(ids);
        dsl.select(CASE_CHECK.CASE_ID, CASE_CHECK.SIGNATURE_RESULTS).from(wanted.table())
                .join(CASE_CHECK).on(CASE_CHECK.CASE_ID.eq(wanted.id()))
                .where(CASE_CHECK.ENGINE_VERSION.eq(engineVersion))
                .and(CASE_CHECK.SIGNATURE_RESULTS.isNotNull())
                .forEach(r -> out.put(r.value1(), storedResults(r.value2())));
        return out;
    }

    /**
     * {@code signature_results} as stored: {@code {"<input digest>": {"valid": true, "mac": "<hex tag>"}}}. Entries of
     * any other shape (V7 stored a bare {@code true}/{@code false}, untagged) are left out, so they count as absent.
     */
    static Map<String, StoredSignatureResult> storedResults(JSON json) {
        if (json == null) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON_MAPPER.readTree(json.data());
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        Map<String, StoredSignatureResult> out = new java.util.HashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            JsonNode v = e.getValue();
            if (v.isObject() && v.path("valid").isBoolean() && v.path("mac").isTextual()) {
                out.put(e.getKey(), new StoredSignatureResult(v.get("valid").booleanValue(), v.get("mac").textValue()));
            }
        }
        return out;
    }

    /** Every trusted issuer's key id, PEM and revocation time, in one query. */
    public List<IssuerRow> issuerRows() {
        return dsl.select(TRUSTED_ISSUER.KEY_ID, TRUSTED_ISSUER.PUBLIC_KEY_PEM, TRUSTED_ISSUER.REVOKED_AT).from(TRUSTED_ISSUER)
                .orderBy(TRUSTED_ISSUER.KEY_ID).fetch(r -> new IssuerRow(r.value1(), r.value2(), r.value3()));
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

    private static String jsonText(Object value) {
        try {
            return JSON_MAPPER.writeValueAsString(value);
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
