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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.trustbench.db.StoreJson;

/** Stores each case's findings with the engine version and time, and reads what the rules need from the store. */
public final class FindingRepository {

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
     * Stores the result of each case in {@code results}, in one transaction. A case whose new result is the one its last
     * check stored keeps its rows and only its {@code computed_at} moves: its digest ({@link StoredCheckForm}) is the
     * {@link StoredCheck#resultDigest} read with that check in {@code stored}, its SM2 results are exactly the stored
     * JSON, and its {@code case_check} row still holds that digest and {@code engineVersion} (another check may have
     * stored a result since it was read). Every other case's findings and check row are replaced: two deletes and two
     * JDBC batches (JSON with {@code ? FORMAT JSON}, so it is stored as JSON and not as a JSON string).
     *
     * @return how many cases' rows were replaced
     */
    public int save(Map<Long, CaseResult> results, String engineVersion, OffsetDateTime computedAt,
                    Map<Long, StoredCheck> stored) {
        if (results.isEmpty()) {
            return 0;
        }
        return dsl.transactionResult(tx -> save(tx.dsl(), results, engineVersion, computedAt, stored));
    }

    /** As {@link #save(Map, String, OffsetDateTime, Map)}, in the caller's transaction. */
    public int save(DSLContext tx, Map<Long, CaseResult> results, String engineVersion, OffsetDateTime computedAt,
                    Map<Long, StoredCheck> stored) {
        if (results.isEmpty()) {
            return 0;
        }
        Map<Long, StoredCheckForm> forms = new LinkedHashMap<>();
        results.forEach((id, r) -> forms.put(id, StoredCheckForm.of(engineVersion, r)));
        return saveForms(tx, forms, engineVersion, computedAt, stored);
    }

    /**
     * As {@link #save(DSLContext, Map, String, OffsetDateTime, Map)}, the results in their stored form already (made
     * by {@link StoredCheckForm#of} with the same engine version).
     */
    int saveForms(DSLContext tx, Map<Long, StoredCheckForm> forms, String engineVersion, OffsetDateTime computedAt,
                  Map<Long, StoredCheck> stored) {
        if (forms.isEmpty()) {
            return 0;
        }
        Set<Long> rewrite = tx.connectionResult(c -> touchUnchanged(c, forms, stored, engineVersion, computedAt));
        if (rewrite.isEmpty()) {
            return 0;
        }
        IdList ids = IdList.of(rewrite);
        tx.deleteFrom(FINDING).where(ids.contains(FINDING.CASE_ID)).execute();
        tx.deleteFrom(CASE_CHECK).where(ids.contains(CASE_CHECK.CASE_ID)).execute();
        tx.connection(c -> insert(c, rewrite, forms, engineVersion, computedAt));
        return rewrite.size();
    }

    /**
     * Moves {@code computed_at} of the cases whose stored digest is that of their new result, where the row still holds
     * it; returns the cases whose rows must be replaced.
     */
    private static Set<Long> touchUnchanged(Connection c, Map<Long, StoredCheckForm> forms, Map<Long, StoredCheck> stored,
                                            String engineVersion, OffsetDateTime computedAt) throws SQLException {
        Set<Long> rewrite = new LinkedHashSet<>(forms.keySet());
        List<Long> same = new ArrayList<>();
        forms.forEach((id, form) -> {
            StoredCheck last = stored.get(id);
            if (last != null && form.digest().equals(last.resultDigest())
                    && form.signaturesJson().equals(last.signaturesJson())) {
                same.add(id);
            }
        });
        if (same.isEmpty()) {
            return rewrite;
        }
        try (PreparedStatement touch = c.prepareStatement("UPDATE case_check SET computed_at = ? "
                + "WHERE case_id = ? AND engine_version = ? AND result_sm3 = ?")) {
            for (Long id : same) {
                touch.setObject(1, computedAt);
                touch.setLong(2, id);
                touch.setString(3, engineVersion);
                touch.setString(4, forms.get(id).digest());
                touch.addBatch();
            }
            int[] counts = touch.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 1) {
                    rewrite.remove(same.get(i));
                }
            }
        }
        return rewrite;
    }

    private static void insert(Connection c, Set<Long> ids, Map<Long, StoredCheckForm> forms, String engineVersion,
                               OffsetDateTime computedAt) throws SQLException {
        try (PreparedStatement finding = c.prepareStatement("INSERT INTO finding (case_id, position, rule_id, "
                + "severity, message_key, message_args, evidence_refs) VALUES (?, ?, ?, ?, ?, ? FORMAT JSON, ? FORMAT JSON)");
             PreparedStatement check = c.prepareStatement("INSERT INTO case_check (case_id, engine_version, computed_at, "
                     + "max_severity, finding_count, signature_results, result_sm3) VALUES (?, ?, ?, ?, ?, ? FORMAT JSON, ?)")) {
            int rows = 0;
            for (Long id : ids) {
                StoredCheckForm form = forms.get(id);
                List<Finding> findings = form.findings();
                for (int position = 0; position < findings.size(); position++) {
                    Finding f = findings.get(position);
                    finding.setLong(1, id);
                    finding.setInt(2, position);
                    finding.setString(3, f.ruleId());
                    finding.setString(4, f.severity().name());
                    finding.setString(5, f.messageKey());
                    finding.setString(6, form.argsJson().get(position));
                    finding.setString(7, form.refsJson().get(position));
                    finding.addBatch();
                    rows++;
                }
                check.setLong(1, id);
                check.setString(2, engineVersion);
                check.setObject(3, computedAt);
                check.setString(4, form.maxSeverity() == null ? null : form.maxSeverity().name());
                check.setInt(5, findings.size());
                check.setString(6, form.signaturesJson());
                check.setString(7, form.digest());
                check.addBatch();
            }
            if (rows > 0) {
                finding.executeBatch();
            }
            check.executeBatch();
        }
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
     * What the last checks of {@code ids} made by {@code engineVersion} stored, by case id, in one query: the digest of
     * the result and the SM2 results (tags not yet verified); cases checked by another engine version, or never, are
     * left out.
     */
    public Map<Long, StoredCheck> storedChecks(Collection<Long> ids, String engineVersion) {
        Map<Long, StoredCheck> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        IdList wanted = IdList.of(ids);
        dsl.select(CASE_CHECK.CASE_ID, CASE_CHECK.SIGNATURE_RESULTS, CASE_CHECK.RESULT_SM3).from(wanted.table())
                .join(CASE_CHECK).on(CASE_CHECK.CASE_ID.eq(wanted.id()))
                .where(CASE_CHECK.ENGINE_VERSION.eq(engineVersion))
                .forEach(r -> out.put(r.value1(), new StoredCheck(r.value3(), r.value2() == null ? null : r.value2().data(),
                        storedResults(r.value2()))));
        return out;
    }

    /**
     * A case's last check as a re-check needs it: the digest of its stored result ({@link StoredCheckForm}; null if
     * stored before digests were), its SM2 results as stored (JSON text, null if none) and by input digest, tags not yet
     * verified.
     */
    public record StoredCheck(String resultDigest, String signaturesJson, Map<String, StoredSignatureResult> signatures) {
        public static final StoredCheck NONE = new StoredCheck(null, null, Map.of());

        public StoredCheck {
            signatures = Map.copyOf(signatures);
        }
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
            root = StoreJson.mapper().readTree(json.data());
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
        return issuerRows(dsl);
    }

    /** As {@link #issuerRows()}, in the caller's transaction (an import's, with the keys its package added). */
    public List<IssuerRow> issuerRows(DSLContext tx) {
        return tx.select(TRUSTED_ISSUER.KEY_ID, TRUSTED_ISSUER.PUBLIC_KEY_PEM, TRUSTED_ISSUER.REVOKED_AT).from(TRUSTED_ISSUER)
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

    private static <T> T read(JSON json, TypeReference<T> type) {
        try {
            return StoreJson.mapper().readValue(json.data(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored finding is not valid JSON", e);
        }
    }

    /** When and with which engine a case's findings were computed. */
    public record CheckStamp(String engineVersion, OffsetDateTime computedAt) {
    }
}
